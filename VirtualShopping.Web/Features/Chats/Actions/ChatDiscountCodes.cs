using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Discount codes in a conversation: the ones an expert may send today, and sending one as a message of kind
/// Discount through the same path as every other message (the chat's access rules, both sides pushed).
/// </summary>
public sealed class ChatDiscountCodes(IDbContextFactory<VirtualShoppingDbContext> contexts, DiscountCodeService codes, ChatConversation conversation)
{
    public const string NoSuchCode = "There is no such discount code.";

    /// <summary>The codes experts may send today (not archived, not past their last day), by code.</summary>
    public Task<IReadOnlyList<DiscountCodeRow>> UsableAsync(CancellationToken cancellationToken = default) => codes.UsableAsync(cancellationToken);

    /// <summary>
    /// Sends a code in the chat as the expert who holds it: 404 for a code the merchant does not have, 400 (field
    /// "codeId") for an archived or expired one. <paramref name="fromStoreApp"/>: the caller is checked against the
    /// database as for any Store App message.
    /// </summary>
    public async Task<ChatActionOutcome<MessageView>> SendAsync(Guid staffMemberId, string? expertName, Guid chatId, Guid codeId, bool fromStoreApp, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = await db.DiscountCodes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == codeId, cancellationToken);
        if (code is null)
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.NotFound, NoSuchCode);
        }

        if (!code.IsUsableOn(await codes.MerchantTodayAsync(db, cancellationToken)))
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Invalid, code.ArchivedAt is not null
                ? $"{code.Code} has been archived and can no longer be sent."
                : $"{code.Code} expired after {DiscountView.FormatDay(code.ValidUntil!.Value)} and can no longer be sent.", "codeId");
        }

        return await conversation.PostDiscountAsync(staffMemberId, expertName, chatId, DiscountView.Of(code), null, fromStoreApp, cancellationToken);
    }
}
