using System.Linq.Expressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The small signals beside the messages: "is typing" (pushed, never stored; a finished chat ignores it) and
/// read state (stored on the chat, only ever rising and never past the chat's last message). Either side
/// sends them about its own chat only; each goes to the other side only.
/// </summary>
public sealed class ChatSignals(IDbContextFactory<VirtualShoppingDbContext> contexts, IChatNotifier notifier)
{
    public Task<ChatActionOutcome<bool>> ShopperTypingAsync(Guid shopperId, Guid chatId, CancellationToken cancellationToken = default) =>
        TypingAsync(c => c.ShopperId == shopperId, chatId, MessageSender.Shopper, cancellationToken);

    public Task<ChatActionOutcome<bool>> ExpertTypingAsync(Guid staffMemberId, Guid chatId, CancellationToken cancellationToken = default) =>
        TypingAsync(c => c.ExpertId == staffMemberId, chatId, MessageSender.Expert, cancellationToken);

    public Task<ChatActionOutcome<ReadView>> ShopperReadAsync(Guid shopperId, Guid chatId, int? sequence, CancellationToken cancellationToken = default) =>
        MarkReadAsync(c => c.ShopperId == shopperId, chatId, MessageSender.Shopper, sequence, cancellationToken);

    public Task<ChatActionOutcome<ReadView>> ExpertReadAsync(Guid staffMemberId, Guid chatId, int? sequence, CancellationToken cancellationToken = default) =>
        MarkReadAsync(c => c.ExpertId == staffMemberId, chatId, MessageSender.Expert, sequence, cancellationToken);

    /// <summary>For a hub method: the outcome's value, or a <see cref="HubException"/> with its message.</summary>
    public static T ValueOrThrow<T>(ChatActionOutcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Succeeded ? outcome.Value! : throw new HubException(outcome.Message);
    }

    /// <summary>True when the push went out; false when the chat is finished and the signal was ignored.</summary>
    private async Task<ChatActionOutcome<bool>> TypingAsync(Expression<Func<Chat, bool>> mine, Guid chatId, MessageSender sender, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().Where(c => c.Id == chatId).Where(mine)
            .Select(c => new { c.ShopperId, c.ExpertId, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (chat is null)
        {
            return ChatActionOutcome<bool>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
        }

        if (chat.Status is not (ChatStatus.Waiting or ChatStatus.Active))
        {
            return ChatActionOutcome<bool>.Ok(false);
        }

        await notifier.TypingAsync(chat.ShopperId, chat.ExpertId, new TypingView(chatId, sender));
        return ChatActionOutcome<bool>.Ok(true);
    }

    private async Task<ChatActionOutcome<ReadView>> MarkReadAsync(Expression<Func<Chat, bool>> mine, Guid chatId, MessageSender reader, int? sequence, CancellationToken cancellationToken)
    {
        if (sequence is not { } wanted || wanted < 0)
        {
            return ChatActionOutcome<ReadView>.Fail(ChatProblemKind.Invalid, "Give the number of the last message read (0 or more).", "sequence");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().Where(c => c.Id == chatId).Where(mine)
            .Select(c => new { c.ShopperId, c.ExpertId }).SingleOrDefaultAsync(cancellationToken);
        if (chat is null)
        {
            return ChatActionOutcome<ReadView>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
        }

        var last = await db.ChatMessages.Where(m => m.ChatId == chatId).MaxAsync(m => (int?)m.Sequence, cancellationToken) ?? 0;
        var read = Math.Min(wanted, last);

        // A conditional update: parallel or out-of-order marks can only raise the number, never lower it.
        var rows = db.Chats.Where(c => c.Id == chatId);
        var raised = reader == MessageSender.Shopper
            ? await rows.Where(c => c.ShopperReadSequence < read).ExecuteUpdateAsync(s => s.SetProperty(c => c.ShopperReadSequence, read), cancellationToken)
            : await rows.Where(c => c.ExpertReadSequence < read).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpertReadSequence, read), cancellationToken);
        var current = reader == MessageSender.Shopper
            ? await rows.Select(c => c.ShopperReadSequence).SingleAsync(cancellationToken)
            : await rows.Select(c => c.ExpertReadSequence).SingleAsync(cancellationToken);
        if (raised == 1)
        {
            await notifier.ReadAsync(chat.ShopperId, chat.ExpertId, new ReadView(chatId, reader, current));
        }

        return ChatActionOutcome<ReadView>.Ok(new ReadView(chatId, reader, current));
    }
}
