using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Handing a chat to someone else: reassign to a teammate (a transfer offer they accept or decline, refused beyond
/// their capacity; the chat stays with its holder until accepted) and move to another department (routed again to
/// that department's experts, with the history).
/// </summary>
public sealed class ChatHandover(IDbContextFactory<VirtualShoppingDbContext> contexts, ChatRouter router, IChatNotifier notifier, TimeProvider clock)
{
    /// <summary>Teammates who may take the chat over: active experts, with availability, connection and load.</summary>
    public Task<IReadOnlyList<TeamMemberStatus>> CandidatesAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{contexts}{router}{notifier}{clock}{staff}{chatId}{cancellationToken}");

    /// <summary>Asks a teammate to take the chat over: they get a transfer offer with the usual countdown.</summary>
    public Task<ChatActionOutcome<OfferView>> RequestTransferAsync(ChatStaff staff, Guid chatId, Guid toStaffMemberId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{toStaffMemberId}{cancellationToken}");

    /// <summary>The asked teammate accepts (within their capacity): the chat is theirs, with its history; the previous holder is told.</summary>
    public Task<ChatActionOutcome<ChatView>> AcceptTransferAsync(Guid staffMemberId, Guid offerId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staffMemberId}{offerId}{cancellationToken}");

    /// <summary>The asked teammate declines; the holder keeps the chat and is told. Does not count towards going unavailable.</summary>
    public Task<ChatActionOutcome<bool>> DeclineTransferAsync(Guid staffMemberId, Guid offerId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staffMemberId}{offerId}{cancellationToken}");

    /// <summary>Moves a waiting or active chat to another department: it waits again and is offered to that department's experts.</summary>
    public Task<ChatActionOutcome<ChatView>> MoveAsync(ChatStaff staff, Guid chatId, Guid departmentId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{departmentId}{cancellationToken}");
}
