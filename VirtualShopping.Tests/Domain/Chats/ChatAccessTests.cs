using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// <see cref="ChatAccess"/>: who sees and does what with a chat. HQ admins and support: every chat of the merchant;
/// store managers: their stores' chats and waiting chats of needs their stores serve; experts: the chats they hold
/// and the ones offered to them. The shopper's email only while active, only when given, only to who may see the chat.
/// </summary>
public sealed class ChatAccessTests
{
    private static readonly Guid London = Guid.NewGuid();
    private static readonly Guid Paris = Guid.NewGuid();

    private static ChatStaff Person(StaffRoles roles, params Guid[] stores) => new(Guid.NewGuid(), roles.ToString(), roles, stores);

    private static Chat ChatIn(ChatStatus status, Guid? store = null, Guid? expert = null, string? email = null)
    {
        var chat = ChatTestData.WaitingChat(ChatTestData.Start);
        chat.Status = status;
        chat.StoreId = store;
        chat.ExpertId = expert;
        chat.ExpertName = expert is null ? null : "Aino";
        chat.ShopperEmail = email;
        return chat;
    }

    public static TheoryData<ChatStatus> AllStatuses => new(Enum.GetValues<ChatStatus>());

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Hq_admins_and_support_see_and_manage_every_chat_of_the_merchant(ChatStatus status)
    {
        var chat = ChatIn(status, store: Paris, expert: Guid.NewGuid());
        foreach (var person in new[] { Person(StaffRoles.HqAdmin), Person(StaffRoles.Support) })
        {
            Assert.True(ChatAccess.CanSee(person, chat));
            Assert.True(ChatAccess.CanManage(person, chat));
            Assert.True(ChatAccess.CanNote(person, chat));
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void A_store_manager_sees_and_manages_the_chats_of_their_stores(ChatStatus status)
    {
        var manager = Person(StaffRoles.StoreManager, London);

        Assert.True(ChatAccess.CanSee(manager, ChatIn(status, store: London, expert: Guid.NewGuid())));
        Assert.True(ChatAccess.CanManage(manager, ChatIn(status, store: London, expert: Guid.NewGuid())));
        Assert.False(ChatAccess.CanSee(manager, ChatIn(status, store: Paris, expert: Guid.NewGuid())));
        Assert.False(ChatAccess.CanManage(manager, ChatIn(status, store: Paris, expert: Guid.NewGuid())));
    }

    [Fact]
    public void A_store_manager_sees_waiting_chats_of_needs_their_stores_serve_but_not_once_another_store_holds_them()
    {
        var manager = Person(StaffRoles.StoreManager, London);

        Assert.True(ChatAccess.CanSee(manager, ChatIn(ChatStatus.Waiting), servedByStaffStores: true));
        Assert.True(ChatAccess.CanManage(manager, ChatIn(ChatStatus.Waiting), servedByStaffStores: true));
        Assert.False(ChatAccess.CanSee(manager, ChatIn(ChatStatus.Waiting), servedByStaffStores: false));
        Assert.False(ChatAccess.CanSee(manager, ChatIn(ChatStatus.Active, store: Paris, expert: Guid.NewGuid()), servedByStaffStores: true));
        Assert.False(ChatAccess.CanSee(manager, ChatIn(ChatStatus.Missed), servedByStaffStores: true));
    }

    [Fact]
    public void Serving_the_need_means_nothing_to_someone_who_is_not_a_store_manager()
    {
        var expert = Person(StaffRoles.Expert, London);

        Assert.False(ChatAccess.CanSee(expert, ChatIn(ChatStatus.Waiting), servedByStaffStores: true));
        Assert.False(ChatAccess.CanSee(expert, ChatIn(ChatStatus.Active, store: London, expert: Guid.NewGuid())));
    }

    [Fact]
    public void An_expert_sees_the_chats_they_hold_and_the_ones_offered_to_them_only()
    {
        var expert = Person(StaffRoles.Expert, London);

        Assert.True(ChatAccess.CanSee(expert, ChatIn(ChatStatus.Active, London, expert.Id)));
        Assert.True(ChatAccess.CanSee(expert, ChatIn(ChatStatus.Ended, London, expert.Id)));
        Assert.True(ChatAccess.CanSee(expert, ChatIn(ChatStatus.Waiting), offeredToStaff: true));
        Assert.False(ChatAccess.CanSee(expert, ChatIn(ChatStatus.Waiting)));
        Assert.False(ChatAccess.CanSee(expert, ChatIn(ChatStatus.Active, London, Guid.NewGuid())));
    }

    [Fact]
    public void An_expert_manages_only_an_active_chat_they_hold()
    {
        var expert = Person(StaffRoles.Expert, London);

        Assert.True(ChatAccess.CanManage(expert, ChatIn(ChatStatus.Active, London, expert.Id)));
        Assert.False(ChatAccess.CanManage(expert, ChatIn(ChatStatus.Ended, London, expert.Id)));
        Assert.False(ChatAccess.CanManage(expert, ChatIn(ChatStatus.Waiting)));
        Assert.False(ChatAccess.CanManage(expert, ChatIn(ChatStatus.Active, London, Guid.NewGuid())));
    }

    [Fact]
    public void An_expert_who_is_also_a_store_manager_manages_their_stores_chats()
    {
        var both = Person(StaffRoles.Expert | StaffRoles.StoreManager, London);

        Assert.True(ChatAccess.CanManage(both, ChatIn(ChatStatus.Active, London, Guid.NewGuid())));
        Assert.False(ChatAccess.CanManage(both, ChatIn(ChatStatus.Active, Paris, Guid.NewGuid())));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_the_expert_holding_an_active_chat_replies_to_the_shopper(ChatStatus status)
    {
        var expert = Person(StaffRoles.Expert);
        var admin = Person(StaffRoles.HqAdmin | StaffRoles.Expert);
        var chat = ChatIn(status, London, expert.Id);

        Assert.Equal(status == ChatStatus.Active, ChatAccess.CanReply(expert, chat));
        Assert.False(ChatAccess.CanReply(admin, chat));
    }

    [Fact]
    public void Anyone_who_may_see_a_chat_adds_notes_until_it_is_archived()
    {
        var expert = Person(StaffRoles.Expert);
        var offered = ChatIn(ChatStatus.Waiting);
        var ended = ChatIn(ChatStatus.Ended, London, expert.Id);

        Assert.True(ChatAccess.CanNote(expert, offered, offeredToStaff: true));
        Assert.False(ChatAccess.CanNote(expert, offered));
        Assert.True(ChatAccess.CanNote(expert, ended));
        ended.ArchivedAt = ChatTestData.Start;
        Assert.False(ChatAccess.CanNote(expert, ended));
        Assert.False(ChatAccess.CanNote(Person(StaffRoles.HqAdmin), ended));
    }

    [Theory]
    [InlineData(ChatStatus.Waiting, true)]
    [InlineData(ChatStatus.Active, true)]
    [InlineData(ChatStatus.Ended, false)]
    [InlineData(ChatStatus.Missed, false)]
    public void A_waiting_or_active_chat_is_closed_by_its_holder_or_whoever_manages_it(ChatStatus status, bool open)
    {
        var holder = Person(StaffRoles.Expert);
        var chat = ChatIn(status, London, status == ChatStatus.Waiting ? null : holder.Id);

        Assert.Equal(open && status == ChatStatus.Active, ChatAccess.CanClose(holder, chat));
        Assert.Equal(open, ChatAccess.CanClose(Person(StaffRoles.Support), chat));
        Assert.Equal(open, ChatAccess.CanClose(Person(StaffRoles.StoreManager, London), chat));
        Assert.False(ChatAccess.CanClose(Person(StaffRoles.StoreManager, Paris), chat));
        Assert.False(ChatAccess.CanClose(Person(StaffRoles.Expert), chat));
    }

    [Theory]
    [InlineData(ChatStatus.Waiting, false)]
    [InlineData(ChatStatus.Active, false)]
    [InlineData(ChatStatus.Ended, true)]
    [InlineData(ChatStatus.Missed, true)]
    public void An_ended_or_missed_chat_is_archived_by_who_held_it_or_whoever_manages_it(ChatStatus status, bool over)
    {
        var holder = Person(StaffRoles.Expert);
        var chat = ChatIn(status, London, holder.Id);

        Assert.Equal(over, ChatAccess.CanArchive(holder, chat));
        Assert.Equal(over, ChatAccess.CanArchive(Person(StaffRoles.HqAdmin), chat));
        Assert.Equal(over, ChatAccess.CanArchive(Person(StaffRoles.StoreManager, London), chat));
        Assert.False(ChatAccess.CanArchive(Person(StaffRoles.StoreManager, Paris), chat));
        Assert.False(ChatAccess.CanArchive(Person(StaffRoles.Expert), chat));
    }

    [Theory]
    [InlineData(ChatStatus.Waiting, false)]
    [InlineData(ChatStatus.Active, true)]
    [InlineData(ChatStatus.Ended, false)]
    [InlineData(ChatStatus.Missed, false)]
    public void The_shoppers_email_shows_only_while_the_chat_is_active(ChatStatus status, bool shown)
    {
        var holder = Person(StaffRoles.Expert);
        var chat = ChatIn(status, London, holder.Id, email: "lea@example.com");

        Assert.Equal(shown, ChatAccess.CanSeeEmail(holder, chat));
        Assert.Equal(shown, ChatAccess.CanSeeEmail(Person(StaffRoles.Support), chat));
    }

    [Fact]
    public void The_shoppers_email_shows_only_when_given_and_only_to_who_may_see_the_chat()
    {
        var holder = Person(StaffRoles.Expert);

        Assert.False(ChatAccess.CanSeeEmail(holder, ChatIn(ChatStatus.Active, London, holder.Id, email: null)));
        var chat = ChatIn(ChatStatus.Active, London, holder.Id, email: "lea@example.com");
        Assert.False(ChatAccess.CanSeeEmail(Person(StaffRoles.Expert), chat));
        Assert.False(ChatAccess.CanSeeEmail(Person(StaffRoles.StoreManager, Paris), chat));
        Assert.True(ChatAccess.CanSeeEmail(Person(StaffRoles.StoreManager, London), chat));
    }

    [Fact]
    public void A_chat_in_progress_can_be_reassigned_to_an_active_expert_under_their_limit()
    {
        var chat = ChatIn(ChatStatus.Active, London, Guid.NewGuid());

        Assert.True(ChatAccess.CanTransferTo(chat, Guid.NewGuid(), targetMayChat: true, targetActiveChats: 2, limit: 3).IsValid);
    }

    [Theory]
    [InlineData(ChatStatus.Waiting)]
    [InlineData(ChatStatus.Ended)]
    [InlineData(ChatStatus.Missed)]
    public void Only_a_chat_in_progress_can_be_reassigned(ChatStatus status)
    {
        var result = ChatAccess.CanTransferTo(ChatIn(status, London, Guid.NewGuid()), Guid.NewGuid(), true, 0, 3);

        Assert.Equal("Only a chat in progress can be reassigned.", result.Error);
    }

    [Fact]
    public void A_reassignment_is_refused_to_the_holder_to_someone_who_may_not_chat_and_beyond_the_limit()
    {
        var holder = Guid.NewGuid();
        var chat = ChatIn(ChatStatus.Active, London, holder);

        Assert.Equal("This teammate already holds the chat.", ChatAccess.CanTransferTo(chat, holder, true, 1, 3).Error);
        Assert.Equal("Choose a teammate who may chat (an active expert).", ChatAccess.CanTransferTo(chat, Guid.NewGuid(), false, 0, 3).Error);
        Assert.Equal("This teammate already holds 3 chats, the most they may hold at once.", ChatAccess.CanTransferTo(chat, Guid.NewGuid(), true, 3, 3).Error);
    }

    [Theory]
    [InlineData(ChatStatus.Waiting, true)]
    [InlineData(ChatStatus.Active, true)]
    [InlineData(ChatStatus.Ended, false)]
    [InlineData(ChatStatus.Missed, false)]
    public void A_waiting_or_active_chat_moves_to_another_active_department(ChatStatus status, bool movable)
    {
        var chat = ChatIn(status);

        var result = ChatAccess.CanMoveTo(chat, Guid.NewGuid(), departmentActive: true);

        Assert.Equal(movable, result.IsValid);
        Assert.Equal(movable ? null : "Only a waiting chat or a chat in progress can be moved.", result.Error);
    }

    [Fact]
    public void A_move_is_refused_to_an_archived_department_or_the_one_it_is_in()
    {
        var chat = ChatIn(ChatStatus.Waiting);

        Assert.Equal("Choose an active department.", ChatAccess.CanMoveTo(chat, Guid.NewGuid(), departmentActive: false).Error);
        Assert.Equal("The chat is already in this department.", ChatAccess.CanMoveTo(chat, chat.DepartmentId, departmentActive: true).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_block_needs_a_reason(string? reason)
    {
        var (cleaned, result) = ChatAccess.CleanBlockReason(reason);

        Assert.Null(cleaned);
        Assert.Equal("Say why you block this shopper.", result.Error);
    }

    [Fact]
    public void A_block_reason_is_trimmed_and_kept_within_its_length()
    {
        Assert.Equal("Abusive language", ChatAccess.CleanBlockReason("  Abusive language ").Reason);
        Assert.True(ChatAccess.CleanBlockReason(new string('x', BlockedShopper.MaxReasonLength)).Result.IsValid);
        Assert.Equal($"The reason can be at most {BlockedShopper.MaxReasonLength} characters.", ChatAccess.CleanBlockReason(new string('x', BlockedShopper.MaxReasonLength + 1)).Result.Error);
    }
}
