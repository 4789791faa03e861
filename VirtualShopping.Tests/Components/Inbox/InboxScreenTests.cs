using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Components.Inbox;

public sealed class InboxScreenTests : InboxTestContext
{
    [Fact]
    public void An_expert_sees_their_offer_their_chats_with_unread_counts_and_no_supervisor_views()
    {
        SignInAs(Ada);
        RenderProviders();
        var page = Render<InboxScreen>();

        page.WaitForAssertion(() => Assert.Equal([Oskar.Id.ToString()], ChatIds(page)));
        Assert.Equal("1", page.Find("[data-testid=inbox-count-new]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=inbox-count-mine]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=row-unread]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=inbox-view-waiting]"));
        Assert.Empty(page.FindAll("[data-testid=inbox-view-inprogress]"));
        Assert.Empty(page.FindAll("[data-testid=team-panel]"));
        var offer = page.Find("[data-testid=offer-card]");
        Assert.Equal(AdaOffer.Id.ToString(), offer.GetAttribute("data-offer-id"));
        Assert.Equal("Hannah", offer.QuerySelector("[data-testid=offer-shopper]")!.TextContent);
        Assert.Equal("Outdoor", offer.QuerySelector("[data-testid=offer-department]")!.TextContent);
        Assert.Contains("1 colleague offered", offer.QuerySelector("[data-testid=offer-colleagues]")!.TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=inbox-view-closed]").Click();

        page.WaitForAssertion(() => Assert.Equal([Quinn.Id.ToString()], ChatIds(page)));
        Assert.EndsWith("/inbox?view=closed", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_manager_sees_their_stores_waiting_and_active_chats_and_their_team()
    {
        SignInAs(Mia);
        RenderProviders();
        var page = Render<InboxScreen>();

        // Rosa waits in Footwear, which only York serves; Ben's chat is York's.
        page.WaitForAssertion(() => Assert.Equal([Hannah.Id.ToString()], ChatIds(page)));
        Assert.Equal("inbox-view-waiting", page.Find("[aria-current=page]").GetAttribute("data-testid"));
        Assert.Equal("1", page.Find("[data-testid=inbox-count-waiting]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=inbox-count-inprogress]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=inbox-count-priority]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=offer-card]"));
        page.WaitForAssertion(() => Assert.Contains(Ada.Id.ToString(), page.FindAll("[data-testid=team-member]").Select(m => m.GetAttribute("data-staff-id"))));
        Assert.DoesNotContain(Ben.Id.ToString(), page.FindAll("[data-testid=team-member]").Select(m => m.GetAttribute("data-staff-id")));
        var ada = page.Find($"[data-testid=team-member][data-staff-id='{Ada.Id}']");
        Assert.Equal("Offline", ada.QuerySelector("[data-testid=team-member-status]")!.TextContent);
        Assert.Equal("1 of 3 chats", ada.QuerySelector("[data-testid=team-member-load]")!.TextContent);

        page.Find("[data-testid=inbox-view-inprogress]").Click();

        page.WaitForAssertion(() => Assert.Equal([Oskar.Id.ToString()], ChatIds(page)));
    }

    [Fact]
    public async Task Filters_and_search_narrow_the_whole_floor_an_hq_admin_sees()
    {
        SignInAs(Hana);
        RenderProviders();
        var page = Render<InboxScreen>();

        // Longest waiting first.
        page.WaitForAssertion(() => Assert.Equal([Hannah.Id.ToString(), Rosa.Id.ToString()], ChatIds(page)));
        Assert.Equal("1", page.Find("[data-testid=inbox-count-priority]").TextContent);

        var department = page.FindComponents<MudSelect<Guid>>().First(s => s.Instance.Label == "Department");
        await department.InvokeAsync(() => department.Instance.SelectOption(Footwear.Id));
        page.WaitForAssertion(() => Assert.Equal([Rosa.Id.ToString()], ChatIds(page)));

        page.Find("[data-testid=inbox-view-inprogress]").Click();
        page.WaitForAssertion(() => Assert.Equal([Priya.Id.ToString()], ChatIds(page)));
        department = page.FindComponents<MudSelect<Guid>>().First(s => s.Instance.Label == "Department");
        await department.InvokeAsync(() => department.Instance.SelectOption(Guid.Empty));
        page.WaitForAssertion(() => Assert.Equal([Oskar.Id.ToString(), Priya.Id.ToString()], ChatIds(page)));

        page.Find("input[data-testid=inbox-search]").Input("green tent");
        Clock.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Equal(2, ChatIds(page).Count); // still typing
        page.Find("input[data-testid=inbox-search]").Input("tent in green");
        Clock.Advance(TimeSpan.FromMilliseconds(300));
        page.WaitForAssertion(() => Assert.Equal([Oskar.Id.ToString()], ChatIds(page)));
    }

    [Fact]
    public async Task A_chat_started_while_the_inbox_is_open_appears_without_a_reload()
    {
        SignInAs(Hana);
        RenderProviders();
        var page = Render<InboxScreen>();
        page.WaitForAssertion(() => Assert.Equal(2, ChatIds(page).Count));

        var newcomer = WaitingChat("Sami", Outdoor, Clock.GetUtcNow());
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.Chats.Add(newcomer);
            await db.SaveChangesAsync();
        }

        await Bus.PublishAsync(new InboxEvent(InboxEventKind.ChatUpdated, Merchant.Id, newcomer.Id, null));
        Clock.Advance(CoalescedReload.InboxDelay);

        page.WaitForAssertion(() => Assert.Equal([Hannah.Id.ToString(), Rosa.Id.ToString(), newcomer.Id.ToString()], ChatIds(page)));
        Assert.Equal("3", page.Find("[data-testid=inbox-count-waiting]").TextContent);
        Assert.Equal("Sami", page.FindAll("[data-testid=row-shopper]")[2].TextContent);
    }

    [Fact]
    public void A_waiting_chats_time_ticks_on_the_clock()
    {
        SignInAs(Hana);
        RenderProviders();
        var page = Render<InboxScreen>();
        page.WaitForAssertion(() => Assert.Equal("5:00", page.FindAll("[data-testid=row-waiting]")[0].TextContent));

        Clock.Advance(TimeSpan.FromSeconds(7));

        page.WaitForAssertion(() => Assert.Equal("5:07", page.FindAll("[data-testid=row-waiting]")[0].TextContent));
    }

    [Fact]
    public async Task An_offer_counts_down_and_disappears_when_a_colleague_claims_the_chat_saying_so()
    {
        SignInAs(Ada);
        var providers = RenderProviders();
        var page = Render<InboxScreen>();
        page.WaitForAssertion(() => Assert.Equal("15", page.Find("[data-testid=offer-countdown]").TextContent));

        Clock.Advance(TimeSpan.FromSeconds(4));
        page.WaitForAssertion(() => Assert.Equal("11", page.Find("[data-testid=offer-countdown]").TextContent));

        var claimed = await Services.GetRequiredService<ChatRouter>().ClaimAsync(Ben.Id, BenOffer.Id);

        Assert.NotNull(claimed.Chat);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=offer-card]")));

        // Ada may have tapped Claim a moment before the card went: her tap never reaches the server, so the page says it.
        providers.WaitForAssertion(() => Assert.Contains("A colleague claimed this chat first.", providers.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claiming_after_a_colleague_won_the_race_says_so_and_drops_the_card()
    {
        SignInAs(Ada);
        var providers = RenderProviders();
        var page = Render<InboxScreen>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=offer-card]")));
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            // Ben's claim landed a moment ago; its withdrawal has not reached this page yet.
            await db.Chats.Where(c => c.Id == Hannah.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ChatStatus.Active).SetProperty(c => c.ExpertId, Ben.Id));
        }

        page.Find("[data-testid=offer-claim]").Click();

        providers.WaitForAssertion(() => Assert.Contains("A colleague claimed this chat first.", providers.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=offer-card]")));
    }

    [Fact]
    public async Task Claiming_an_offer_gives_the_expert_the_chat_and_opens_it_in_Mine()
    {
        SignInAs(Ada);
        RenderProviders();
        var page = Render<InboxScreen>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=offer-card]")));

        page.Find("[data-testid=offer-claim]").Click();

        page.WaitForAssertion(() => Assert.Equal(Hannah.Id.ToString(), page.Find("[data-testid=conversation]").GetAttribute("data-chat-id")));
        Assert.EndsWith($"/inbox?view=mine&chat={Hannah.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal((ChatStatus.Active, (Guid?)Ada.Id), await db.Chats.Where(c => c.Id == Hannah.Id).Select(c => new ValueTuple<ChatStatus, Guid?>(c.Status, c.ExpertId)).SingleAsync());
    }

    [Fact]
    public async Task A_new_offer_appears_at_once_and_declining_it_drops_the_card()
    {
        SignInAs(Ada);
        RenderProviders();
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.ChatOffers.Where(o => o.Id == AdaOffer.Id).ExecuteDeleteAsync();
        }

        var page = Render<InboxScreen>();
        page.WaitForAssertion(() => Assert.Single(ChatIds(page)));
        Assert.Empty(page.FindAll("[data-testid=offer-card]"));
        var offer = new ChatOffer { ChatId = Rosa.Id, StaffMemberId = Ada.Id, OfferedAt = Clock.GetUtcNow(), ExpiresAt = Clock.GetUtcNow().AddSeconds(15), SpokenBefore = true };
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.ChatOffers.Add(offer);
            await db.SaveChangesAsync();
        }

        await Bus.PublishAsync(new InboxEvent(InboxEventKind.OfferMade, Merchant.Id, Rosa.Id, Ada.Id,
            new OfferView(offer.Id, Rosa.Id, "Footwear", "en", "Rosa", offer.OfferedAt, offer.ExpiresAt, 15, 0, true)));

        page.WaitForAssertion(() => Assert.Equal("Rosa", page.Find("[data-testid=offer-shopper]").TextContent));
        Assert.NotNull(page.Find("[data-testid=offer-spoken-before]"));

        page.Find("[data-testid=offer-decline]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=offer-card]")));
        await using var check = await Contexts.CreateDbContextAsync();
        Assert.Equal(OfferStatus.Declined, await check.ChatOffers.Where(o => o.Id == offer.Id).Select(o => o.Status).SingleAsync());
    }

    [Fact]
    public async Task A_transfer_offer_says_who_reassigned_it_and_is_accepted_not_claimed()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.ChatOffers.Add(new ChatOffer { ChatId = Oskar.Id, StaffMemberId = Ben.Id, Kind = OfferKind.Transfer, RequestedById = Ada.Id, RequestedByName = Ada.DisplayName, OfferedAt = Clock.GetUtcNow(), ExpiresAt = Clock.GetUtcNow().AddSeconds(15) });
            await db.SaveChangesAsync();
        }

        SignInAs(Ben);
        RenderProviders();
        var page = Render<InboxScreen>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=offer-card]").Count));
        var transfer = page.FindAll("[data-testid=offer-card]").Single(c => c.GetAttribute("data-chat-id") == Oskar.Id.ToString());
        Assert.Contains("Reassigned by Ada Expert", transfer.TextContent, StringComparison.Ordinal);
        Assert.Equal("Accept", transfer.QuerySelector("[data-testid=offer-claim]")!.TextContent.Trim());
        Assert.Null(transfer.QuerySelector("[data-testid=offer-decline-unavailable]"));
    }

    [Fact]
    public void A_closed_chat_says_how_long_ago_it_ended_not_how_long_it_waited()
    {
        SignInAs(Ada);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/inbox?view=closed");
        RenderProviders();
        var page = Render<InboxScreen>();

        page.WaitForAssertion(() => Assert.Equal([Quinn.Id.ToString()], ChatIds(page)));
        var when = page.Find("[data-testid=row-waiting]");
        Assert.Equal("2 h 00 ago", when.TextContent);
        Assert.StartsWith("Ended", when.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_view_and_chat_in_the_address_open_the_page_there_and_back_leaves_the_chat()
    {
        SignInAs(Ada);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/inbox?view=mine&chat={Oskar.Id}");
        RenderProviders();
        var page = Render<InboxScreen>();

        page.WaitForAssertion(() => Assert.Equal(Oskar.Id.ToString(), page.Find("[data-testid=conversation]").GetAttribute("data-chat-id")));
        Assert.Contains("inbox-row-selected", page.Find("[data-testid=inbox-row]").ClassName, StringComparison.Ordinal);

        page.Find("[data-testid=inbox-back]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=conversation]")));
        Assert.EndsWith("/inbox?view=mine", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyboard_shortcuts_move_between_chats_and_question_mark_lists_them()
    {
        SignInAs(Hana);
        var providers = RenderProviders();
        var page = Render<InboxScreen>();
        page.WaitForAssertion(() => Assert.Equal(2, ChatIds(page).Count));

        await page.InvokeAsync(() => page.Instance.OnShortcut("next"));
        page.WaitForAssertion(() => Assert.Equal(Hannah.Id.ToString(), page.Find("[data-testid=conversation]").GetAttribute("data-chat-id")));
        await page.InvokeAsync(() => page.Instance.OnShortcut("next"));
        page.WaitForAssertion(() => Assert.Equal(Rosa.Id.ToString(), page.Find("[data-testid=conversation]").GetAttribute("data-chat-id")));
        await page.InvokeAsync(() => page.Instance.OnShortcut("previous"));
        page.WaitForAssertion(() => Assert.Equal(Hannah.Id.ToString(), page.Find("[data-testid=conversation]").GetAttribute("data-chat-id")));

        await page.InvokeAsync(() => page.Instance.OnShortcut("help"));

        providers.WaitForAssertion(() => Assert.Contains("Claim the oldest offer", providers.Find("[data-testid=shortcut-help]").TextContent, StringComparison.Ordinal));
    }

    private static List<string?> ChatIds(IRenderedComponent<InboxScreen> page) =>
        page.FindAll("[data-testid=inbox-row]").Select(r => r.GetAttribute("data-chat-id")).ToList();
}
