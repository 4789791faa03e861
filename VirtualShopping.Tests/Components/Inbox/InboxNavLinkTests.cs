using Bunit;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Components.Inbox;

public sealed class InboxNavLinkTests : InboxTestContext
{
    [Fact]
    public async Task The_navigation_badge_counts_offers_and_unread_chats_and_follows_live_events()
    {
        SignInAs(Ada);
        var link = Render<InboxNavLink>();

        // One offer (Hannah) and one chat with unread messages (Oskar).
        link.WaitForAssertion(() => Assert.Equal("2", link.Find("[data-testid=nav-inbox-count]").TextContent));
        var offer = new ChatOffer { ChatId = Rosa.Id, StaffMemberId = Ada.Id, OfferedAt = Clock.GetUtcNow(), ExpiresAt = Clock.GetUtcNow().AddSeconds(15) };
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.ChatOffers.Add(offer);
            await db.SaveChangesAsync();
        }

        await Bus.PublishAsync(new InboxEvent(InboxEventKind.OfferMade, Merchant.Id, Rosa.Id, Ada.Id));
        Clock.Advance(CoalescedReload.InboxDelay);

        link.WaitForAssertion(() => Assert.Equal("3", link.Find("[data-testid=nav-inbox-count]").TextContent));
        Assert.Equal("/inbox", link.Find("a").GetAttribute("href"));
    }
}
