using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Inbox;

/// <summary>
/// The inbox's reads over a mixed inbox (<see cref="InboxWorld"/>): who sees which chats in which view, filters, search,
/// unread counts, the email privacy rule, and the staff-only messages (notes, cart events) in a conversation.
/// </summary>
public sealed class InboxQueriesTests(InboxWorld world) : IClassFixture<InboxWorld>
{
    private static InboxFilter Folder(InboxFolder folder) => new(folder);

    [Fact]
    public async Task Hq_admin_and_support_see_every_chat_of_their_merchant_and_never_another_merchants()
    {
        foreach (var staff in new[] { world.Admin, world.Support })
        {
            Assert.Equal([world.WaitingShoes, world.WaitingHats], await world.IdsAsync(staff, Folder(InboxFolder.Waiting)));
            Assert.Equal([world.ActiveX, world.ActiveY], await world.IdsAsync(staff, Folder(InboxFolder.InProgress)));
            Assert.Equal([world.MissedShoes, world.EndedX], await world.IdsAsync(staff, Folder(InboxFolder.Closed)));
            Assert.Null(await world.QueryAsync(q => q.ConversationAsync(staff, world.OtherMerchantChat)));
            Assert.Null(await world.QueryAsync(q => q.ShopperAsync(staff, world.OtherMerchantChat)));
            Assert.Null(await world.QueryAsync(q => q.EarlierMessagesAsync(staff, world.OtherMerchantChat, 10)));
        }
    }

    [Fact]
    public async Task A_store_manager_sees_their_stores_chats_and_the_waiting_chats_their_teams_serve_only()
    {
        Assert.Equal([world.WaitingShoes], await world.IdsAsync(world.ManagerX, Folder(InboxFolder.Waiting)));
        Assert.Equal([world.ActiveX], await world.IdsAsync(world.ManagerX, Folder(InboxFolder.InProgress)));
        Assert.Equal([world.EndedX], await world.IdsAsync(world.ManagerX, Folder(InboxFolder.Closed)));
        Assert.Null(await world.QueryAsync(q => q.ConversationAsync(world.ManagerX, world.ActiveY)));

        Assert.Equal([world.WaitingHats], await world.IdsAsync(world.ManagerY, Folder(InboxFolder.Waiting)));
        Assert.Equal([world.ActiveY], await world.IdsAsync(world.ManagerY, Folder(InboxFolder.InProgress)));
        Assert.Empty(await world.IdsAsync(world.ManagerY, Folder(InboxFolder.Closed)));
        Assert.Null(await world.QueryAsync(q => q.ConversationAsync(world.ManagerY, world.ActiveX)));
        Assert.NotNull(await world.QueryAsync(q => q.ConversationAsync(world.ManagerY, world.ActiveY)));
    }

    [Fact]
    public async Task An_expert_sees_the_chats_they_hold_and_the_ones_offered_to_them()
    {
        var offers = await world.ListAsync(world.ExpertX, Folder(InboxFolder.New));
        var offer = Assert.Single(offers.Rows);
        Assert.Equal((world.WaitingShoes, world.OfferToExpertX, OfferKind.Routing), (offer.ChatId, offer.OfferId!.Value, offer.OfferKind!.Value));
        Assert.Equal("Walter Waits", offer.ShopperLabel);
        Assert.Equal([world.ActiveX], await world.IdsAsync(world.ExpertX, Folder(InboxFolder.Mine)));
        Assert.Equal([world.ActiveX], await world.IdsAsync(world.ExpertX, Folder(InboxFolder.InProgress)));
        Assert.Equal([world.EndedX], await world.IdsAsync(world.ExpertX, Folder(InboxFolder.Closed)));
        var offered = await world.QueryAsync(q => q.ConversationAsync(world.ExpertX, world.WaitingShoes));
        Assert.True(offered!.Rights.CanClaim);
        Assert.Equal(world.OfferToExpertX, offered.Offer!.OfferId);
        Assert.Null(await world.QueryAsync(q => q.ConversationAsync(world.ExpertX, world.WaitingHats)));
        Assert.Null(await world.QueryAsync(q => q.ConversationAsync(world.ExpertX, world.MissedShoes)));

        Assert.Empty((await world.ListAsync(world.ExpertY, Folder(InboxFolder.New))).Rows);
        Assert.Equal([world.ActiveY], await world.IdsAsync(world.ExpertY, Folder(InboxFolder.Mine)));
        Assert.Empty(await world.IdsAsync(world.ExpertY, Folder(InboxFolder.Closed)));
        Assert.Null(await world.QueryAsync(q => q.ConversationAsync(world.ExpertY, world.ActiveX)));
    }

    [Fact]
    public async Task Priority_shows_open_priority_chats_and_closed_hides_archived_ones_unless_asked()
    {
        Assert.Equal([world.ActiveX], await world.IdsAsync(world.Admin, Folder(InboxFolder.Priority)));
        Assert.Empty(await world.IdsAsync(world.ManagerY, Folder(InboxFolder.Priority)));
        var closed = await world.ListAsync(world.Admin, Folder(InboxFolder.Closed) with { IncludeArchived = true, NewestFirst = true });
        Assert.Equal([world.EndedX, world.MissedShoes, world.ArchivedX], closed.Rows.Select(r => r.ChatId));
        Assert.Equal(3, closed.Total);
        Assert.True(closed.Rows[^1].IsArchived);
    }

    [Fact]
    public async Task The_list_is_sorted_by_waiting_time_and_pages()
    {
        var all = await world.ListAsync(world.Admin, Folder(InboxFolder.Closed) with { IncludeArchived = true });
        Assert.Equal([world.ArchivedX, world.MissedShoes, world.EndedX], all.Rows.Select(r => r.ChatId));
        var page = await world.ListAsync(world.Admin, Folder(InboxFolder.Closed) with { IncludeArchived = true, Offset = 1, Take = 1 });
        Assert.Equal(3, page.Total);
        Assert.Equal([world.MissedShoes], page.Rows.Select(r => r.ChatId));
    }

    [Fact]
    public async Task Filters_narrow_by_status_channel_department_assignee_and_store()
    {
        Assert.Equal([world.WaitingHats], await world.IdsAsync(world.Admin, Folder(InboxFolder.Waiting) with { DepartmentId = world.Hats }));
        Assert.Equal([world.ActiveY], await world.IdsAsync(world.Admin, Folder(InboxFolder.InProgress) with { AssigneeId = world.ExpertY.Id }));
        Assert.Equal([world.ActiveX], await world.IdsAsync(world.Admin, Folder(InboxFolder.InProgress) with { StoreId = world.StoreX }));
        Assert.Equal([world.MissedShoes], await world.IdsAsync(world.Admin, Folder(InboxFolder.Closed) with { Status = ChatStatus.Missed }));
        Assert.Equal([world.ActiveX, world.ActiveY], await world.IdsAsync(world.Admin, Folder(InboxFolder.InProgress) with { Channel = ChatChannel.Website }));
    }

    [Fact]
    public async Task Search_finds_shopper_names_and_message_text_and_takes_wildcards_literally()
    {
        var closed = Folder(InboxFolder.Closed) with { IncludeArchived = true };
        Assert.Equal([world.MissedShoes], await world.IdsAsync(world.Admin, closed with { Search = "  mia  " }));
        Assert.Equal([world.EndedX], await world.IdsAsync(world.Admin, closed with { Search = "WATERPROOF" }));
        Assert.Equal([world.EndedX], await world.IdsAsync(world.Admin, closed with { Search = "be kind" }));

        // "%" and "_" are letters to look for, not LIKE wildcards.
        Assert.Equal([world.ArchivedX, world.EndedX], await world.IdsAsync(world.Admin, closed with { Search = "100%" }));
        Assert.Empty(await world.IdsAsync(world.Admin, closed with { Search = "0%r" }));
        Assert.Equal([world.EndedX], await world.IdsAsync(world.Admin, closed with { Search = "under_50" }));
        Assert.Empty(await world.IdsAsync(world.Admin, closed with { Search = "under_5_" }));
        Assert.Equal([world.ArchivedX, world.EndedX], await world.IdsAsync(world.Admin, closed with { Search = "%" }));

        // Blank or over 100 characters: no search at all.
        Assert.Equal(3, (await world.ListAsync(world.Admin, closed with { Search = "   " })).Total);
        Assert.Equal(3, (await world.ListAsync(world.Admin, closed with { Search = new string('x', InboxFilter.MaxSearchLength + 1) })).Total);

        // Search stays inside what the person may see.
        Assert.Empty(await world.IdsAsync(world.ManagerY, closed with { Search = "waterproof" }));
    }

    [Fact]
    public async Task Unread_counts_the_holders_unread_shopper_messages_and_the_badges_count_views()
    {
        var mine = Assert.Single((await world.ListAsync(world.ExpertX, Folder(InboxFolder.Mine))).Rows);
        Assert.Equal(2, mine.Unread);
        Assert.Equal("Also in blue?", mine.LastMessage);
        Assert.True(mine.IsPriority);
        var seenByAdmin = (await world.ListAsync(world.Admin, Folder(InboxFolder.InProgress))).Rows.Single(r => r.ChatId == world.ActiveX);
        Assert.Equal(0, seenByAdmin.Unread);
        Assert.Equal("X Street", seenByAdmin.StoreName);
        Assert.Equal("Shoes", seenByAdmin.Department);

        Assert.Equal(new InboxCounts(1, 1, 1, 1, 1), await world.QueryAsync(q => q.CountsAsync(world.ExpertX)));
        Assert.Equal(new InboxCounts(0, 1, 0, 0, 1), await world.QueryAsync(q => q.CountsAsync(world.ExpertY)));
        Assert.Equal(new InboxCounts(0, 0, 2, 1, 2), await world.QueryAsync(q => q.CountsAsync(world.Admin)));
        Assert.Equal(new InboxCounts(0, 0, 1, 1, 1), await world.QueryAsync(q => q.CountsAsync(world.ManagerX)));
    }

    [Fact]
    public async Task The_email_shows_only_while_the_chat_is_active_and_only_when_given()
    {
        var active = await world.QueryAsync(q => q.ConversationAsync(world.ExpertX, world.ActiveX));
        Assert.Equal(InboxWorld.ActiveEmail, active!.ShopperEmail);
        Assert.Equal(InboxWorld.ActiveEmail, (await world.QueryAsync(q => q.ShopperAsync(world.ManagerX, world.ActiveX)))!.Email);

        var ended = await world.QueryAsync(q => q.ConversationAsync(world.ExpertX, world.EndedX));
        Assert.Null(ended!.ShopperEmail);
        Assert.True(ended.EmailGiven);
        var panel = await world.QueryAsync(q => q.ShopperAsync(world.Admin, world.EndedX));
        Assert.Null(panel!.Email);
        Assert.True(panel.EmailGiven);

        var noEmail = await world.QueryAsync(q => q.ConversationAsync(world.ExpertY, world.ActiveY));
        Assert.Null(noEmail!.ShopperEmail);
        Assert.False(noEmail.EmailGiven);
        Assert.Equal("Yan Active", noEmail.ShopperLabel);
    }

    [Fact]
    public async Task The_staff_conversation_has_notes_and_cart_events_and_rights_from_the_access_rules()
    {
        var ended = (await world.QueryAsync(q => q.ConversationAsync(world.ExpertX, world.EndedX)))!;
        Assert.Equal([1, 2, 3, 4], ended.Messages.Select(m => m.Sequence));
        Assert.Equal(MessageKind.Cart, ended.Messages[2].Kind);
        Assert.Null(Assert.Single(ended.Messages[2].Cart!.Products).Name);
        Assert.Equal((MessageKind.Note, "Returning customer, be kind"), (ended.Messages[3].Kind, ended.Messages[3].Text));
        Assert.Equal((4, "Helpful"), (ended.Rating!.Value, ended.RatingComment));
        Assert.Equal(new ConversationRights(false, true, false, false, true, false, false, false), ended.Rights);

        var holder = (await world.QueryAsync(q => q.ConversationAsync(world.ExpertX, world.ActiveX)))!;
        Assert.Equal(new ConversationRights(true, true, true, true, false, true, true, false), holder.Rights);
        var admin = (await world.QueryAsync(q => q.ConversationAsync(world.Admin, world.ActiveX)))!;
        Assert.Equal(new ConversationRights(false, true, true, true, false, false, false, false), admin.Rights);
        Assert.False(admin.HasEarlierMessages);
    }

    [Fact]
    public async Task The_shopper_panel_shows_pages_cart_past_chats_and_the_rating()
    {
        var panel = (await world.QueryAsync(q => q.ShopperAsync(world.ExpertX, world.EndedX)))!;
        Assert.Equal(["https://shop.example/shoes/trail", "https://shop.example/shoes/boot"], panel.Pages.Select(p => p.Url));
        Assert.Equal("Storm boot", panel.Pages[1].Title);
        Assert.Equal([null, "Storm boot"], panel.Cart!.Lines.Select(l => l.Name));
        Assert.Equal((172m, "GBP"), (panel.Cart.Subtotal!.Value, panel.Cart.Currency));
        var past = Assert.Single(panel.PastChats);
        Assert.Equal(world.ArchivedX, past.ChatId);
        Assert.Equal(4, panel.Rating);
        Assert.False(panel.IsBlocked);
    }

    [Fact]
    public async Task The_team_panel_shows_the_people_supervised_with_load_and_a_fresh_connection_only()
    {
        await world.InMerchantAsync(world.MerchantId, async db =>
        {
            db.ExpertConnections.Add(new ExpertConnection { ConnectionId = "inbox:fresh", StaffMemberId = world.ExpertX.Id, ConnectedAt = InboxWorld.Now.AddMinutes(-5), LastSeenAt = InboxWorld.Now.AddSeconds(-10) });
            db.ExpertConnections.Add(new ExpertConnection { ConnectionId = "inbox:stale", StaffMemberId = world.ExpertY.Id, ConnectedAt = InboxWorld.Now.AddHours(-1), LastSeenAt = InboxWorld.Now.AddMinutes(-10) });
            await db.SaveChangesAsync();
        });

        var team = await world.QueryAsync(q => q.TeamAsync(world.ManagerX));
        Assert.Equal(["Max Manager", "Xavi Expert"], team.Select(t => t.Name));
        var expert = team[1];
        Assert.Equal((true, true, true, 1, 3), (expert.IsExpert, expert.Available, expert.Connected, expert.ActiveChats, expert.Capacity));
        Assert.Equal(["X Street"], expert.Stores);
        Assert.Equal(["X shoes"], expert.Teams);

        var everyone = await world.QueryAsync(q => q.TeamAsync(world.Support));
        Assert.False(everyone.Single(t => t.StaffMemberId == world.ExpertY.Id).Connected);
        Assert.Equal(6, everyone.Count);

        var choices = await world.QueryAsync(q => q.ChoicesAsync(world.ManagerY));
        Assert.Equal(["Shoes", "Hats"], choices.Departments.Select(d => d.Name));
        Assert.Equal([world.StoreY], choices.Stores.Select(s => s.Id));
        Assert.Equal([world.ExpertY.Id], choices.Assignees.Select(a => a.Id));
    }

    [Fact]
    public async Task StaffAsync_reads_roles_and_stores_of_active_people_of_the_current_merchant_only()
    {
        var manager = await world.QueryAsync(q => q.StaffAsync(world.ManagerX.Id));
        Assert.Equal(StaffRoles.StoreManager, manager!.Roles);
        Assert.Equal([world.StoreX], manager.StoreIds);
        var otherAdmin = await world.Factory.InMerchantAsync(world.OtherMerchantId, db => db.StaffMembers.Select(s => s.Id).FirstAsync());
        Assert.Null(await world.QueryAsync(q => q.StaffAsync(otherAdmin)));
    }

    [Fact]
    public async Task The_database_scope_agrees_with_ChatAccess_CanSee_for_every_person_and_chat()
    {
        var data = await world.Factory.InMerchantAsync(world.MerchantId, async db => (
            Chats: await db.Chats.AsNoTracking().ToListAsync(),
            Offers: await db.ChatOffers.AsNoTracking().Where(o => o.Status == OfferStatus.Pending).ToListAsync(),
            Teams: await db.Teams.AsNoTracking().Include(t => t.Departments).Where(t => t.IsActive).ToListAsync()));
        Assert.True(data.Chats.Count >= 7);
        foreach (var staff in world.Everyone)
        {
            var expected = data.Chats.Where(c => ChatAccess.CanSee(
                    staff,
                    c,
                    data.Offers.Any(o => o.ChatId == c.Id && o.StaffMemberId == staff.Id),
                    data.Teams.Any(t => staff.StoreIds.Contains(t.StoreId) && t.Serves(c.DepartmentId))))
                .Select(c => c.Id).Order().ToList();
            var actual = await world.Factory.InMerchantAsync(world.MerchantId, db => InboxQueries.Visible(db, staff).Select(c => c.Id).ToListAsync());
            Assert.Equal(expected, actual.Order().ToList());
        }
    }

    [Fact]
    public async Task A_long_conversation_loads_its_newest_page_and_earlier_messages_on_demand()
    {
        // In the other merchant, so the mixed inbox the other tests read stays as it is.
        var chatId = Guid.NewGuid();
        var department = Guid.NewGuid();
        var admin = await world.Factory.InMerchantAsync(world.OtherMerchantId, async db =>
        {
            db.Departments.Add(new Department { Id = department, Name = "Long talks" });
            db.Chats.Add(new Chat
            {
                Id = chatId, ShopperId = Guid.NewGuid(), DepartmentId = department, Status = ChatStatus.Ended, StartedAt = InboxWorld.Now.AddDays(-3),
                QueuedAt = InboxWorld.Now.AddDays(-3), ClaimDeadline = InboxWorld.Now.AddDays(-3), LastActivityAt = InboxWorld.Now.AddDays(-3), EndedAt = InboxWorld.Now.AddDays(-3),
            });
            db.ChatMessages.AddRange(Enumerable.Range(1, 250).Select(i => new ChatMessage { ChatId = chatId, Sequence = i, Sender = MessageSender.Shopper, Text = $"line {i}", SentAt = InboxWorld.Now.AddDays(-3) }));
            await db.SaveChangesAsync();
            var person = await db.StaffMembers.FirstAsync();
            return new ChatStaff(person.Id, person.DisplayName, person.Roles, []);
        });

        var conversation = (await world.QueryAsync(world.OtherMerchantId, q => q.ConversationAsync(admin, chatId)))!;
        Assert.True(conversation.HasEarlierMessages);
        Assert.Equal(Enumerable.Range(51, 200), conversation.Messages.Select(m => m.Sequence));
        Assert.StartsWith("Shopper ", conversation.ShopperLabel, StringComparison.Ordinal);
        Assert.Equal(12, conversation.ShopperLabel.Length);
        var earlier = await world.QueryAsync(world.OtherMerchantId, q => q.EarlierMessagesAsync(admin, chatId, 51));
        Assert.Equal(Enumerable.Range(1, 50), earlier!.Select(m => m.Sequence));
        Assert.Null(await world.QueryAsync(q => q.ConversationAsync(world.Admin, chatId)));
    }
}
