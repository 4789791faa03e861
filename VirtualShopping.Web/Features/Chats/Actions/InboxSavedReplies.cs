using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The saved replies an expert picks from with "/": the merchant's and their own personal ones (a personal shortcut
/// may shadow a merchant-wide one; theirs comes first). Experts add and remove only their own personal replies.
/// </summary>
public sealed class InboxSavedReplies(IDbContextFactory<VirtualShoppingDbContext> contexts)
{
    /// <summary>Merchant-wide and personal replies, in the language when given (else all), matching the search in shortcut, title or text.</summary>
    public Task<IReadOnlyList<SavedReplyChoice>> ForAsync(Guid staffMemberId, string? language, string? search, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{contexts}{staffMemberId}{language}{search}{cancellationToken}");

    public Task<ChatActionOutcome<SavedReplyChoice>> AddPersonalAsync(Guid staffMemberId, PersonalReplyInput input, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staffMemberId}{input}{cancellationToken}");

    public Task<ChatActionOutcome<bool>> DeletePersonalAsync(Guid staffMemberId, Guid replyId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staffMemberId}{replyId}{cancellationToken}");
}
