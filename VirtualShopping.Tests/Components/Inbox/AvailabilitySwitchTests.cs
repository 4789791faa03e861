using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Components.Inbox;

public sealed class AvailabilitySwitchTests : InboxTestContext
{
    [Fact]
    public async Task The_switch_changes_availability_through_routing_and_shows_why_the_system_made_the_expert_unavailable()
    {
        SignInAs(Ada);
        var bar = Render<AvailabilitySwitch>();
        bar.WaitForAssertion(() => Assert.Contains(">Available<", bar.Markup, StringComparison.Ordinal));

        bar.Find("input[data-testid=availability-switch]").Change(false);

        bar.WaitForAssertion(() => Assert.Contains(">Unavailable<", bar.Markup, StringComparison.Ordinal));
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            Assert.False(await db.StaffMembers.Where(s => s.Id == Ada.Id).Select(s => s.IsAvailable).SingleAsync());
            // Going unavailable withdraws her pending offer: the chat passes on.
            Assert.Equal(VirtualShopping.Domain.Chats.OfferStatus.Withdrawn, await db.ChatOffers.Where(o => o.Id == AdaOffer.Id).Select(o => o.Status).SingleAsync());
        }

        Assert.Empty(bar.FindAll("[data-testid=availability-reason]"));

        await Services.GetRequiredService<ChatRouter>().SetAvailabilityAsync(Ada.Id, true);
        bar.WaitForAssertion(() => Assert.Contains(">Available<", bar.Markup, StringComparison.Ordinal));
        await Services.GetRequiredService<ChatRouter>().SetAvailabilityAsync(Ada.Id, false, "You missed 3 chats in a row, so you are now unavailable.");

        bar.WaitForAssertion(() => Assert.Equal("You missed 3 chats in a row, so you are now unavailable.", bar.Find("[data-testid=availability-reason]").TextContent));
        Assert.Contains(">Unavailable<", bar.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_experts_get_the_switch()
    {
        SignInAs(Mia);

        var bar = Render<AvailabilitySwitch>();

        Assert.Empty(bar.FindAll("[data-testid=availability-switch]"));
    }
}
