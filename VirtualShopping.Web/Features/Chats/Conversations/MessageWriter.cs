using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Group commit for chat messages: senders queue their message and wait; one loop per process writes whatever is
/// queued (up to <see cref="MaxBatch"/>) in ONE transaction — one read of the chats concerned (who may write, their
/// status, the last number of each), one read of retried client message ids, one insert of every new message, one
/// update of the chats' activity — then commits and only then answers each sender (durable before acknowledged).
/// Numbers are taken per chat in queue order without gaps; the unique index on (chat, number) still decides: when
/// another instance or a system line took a number meanwhile, the batch is rolled back and written again.
/// </summary>
public sealed partial class MessageWriter : IAsyncDisposable
{
    /// <summary>The most messages written in one transaction.</summary>
    public const int MaxBatch = 256;

    private const int Attempts = 8;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<MessageWriter> logger;
    private readonly Task loop;
    private AsyncServiceScope? contextScope;
    private VirtualShoppingDbContext? context;

    public MessageWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MessageWriter> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;

        // The loop must not carry the first caller's request (its HttpContext, its merchant) along for ever.
        using (ExecutionContext.SuppressFlow())
        {
            loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Stores the message (or finds the one a retried send stored) and answers once it is committed.</summary>
    public Task<MessageWrite> WriteAsync(MessageDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var pending = new Pending(draft, new TaskCompletionSource<MessageWrite>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);

        // A caller that gives up still gets its message stored: a retry with its client message id finds it.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        await ForgetContextAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var results = await WriteBatchAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                LogBatchFailed(logger, batch.Count, e);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    private async Task<MessageWrite[]> WriteBatchAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var db = await ContextAsync();
            try
            {
                var results = await WriteOnceAsync(db, batch);
                db.ChangeTracker.Clear();
                return results;
            }
            catch (DbUpdateException e) when (attempt < Attempts && !DatabaseUnavailability.Explains(e))
            {
                // A number (or a client message id) was taken meanwhile: read again and renumber.
                await ForgetContextAsync();
            }
            catch
            {
                await ForgetContextAsync();
                throw;
            }
        }
    }

    /// <summary>The loop's own context and open connection, kept from batch to batch (no scope, context or connection to set up per batch).</summary>
    private async Task<VirtualShoppingDbContext> ContextAsync()
    {
        if (context is null)
        {
            contextScope = scopes.CreateAsyncScope();
            context = await contextScope.Value.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            await context.Database.OpenConnectionAsync();
        }

        return context;
    }

    private async Task ForgetContextAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
            context = null;
        }

        if (contextScope is { } scope)
        {
            await scope.DisposeAsync();
            contextScope = null;
        }
    }

    private async Task<MessageWrite[]> WriteOnceAsync(VirtualShoppingDbContext db, List<Pending> batch)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var chatIds = batch.Select(p => p.Draft.ChatId).Distinct().ToList();
        var chats = new Dictionary<Guid, ChatFacts>();
        await foreach (var chat in ChatsConcerned(db, chatIds))
        {
            chats[chat.Id] = chat;
        }

        var retriable = batch.Select(p => p.Draft).Where(d => d.ClientMessageId is not null).ToList();
        var stored = new Dictionary<(Guid, MessageSender, string), ChatMessage>();
        if (retriable.Count > 0)
        {
            foreach (var message in await StoredWithClientIdsAsync(db, chatIds, retriable))
            {
                stored[(message.ChatId, message.Sender, message.ClientMessageId!)] = message;
            }
        }

        var results = new MessageWrite[batch.Count];
        var last = chats.Values.ToDictionary(c => c.Id, c => c.LastSequence);
        var touched = new HashSet<Guid>();
        var appended = new List<ChatMessage>();
        for (var i = 0; i < batch.Count; i++)
        {
            var draft = batch[i].Draft;
            var chat = chats.GetValueOrDefault(draft.ChatId);
            if (chat is null || chat.MerchantId != draft.MerchantId || !Holds(chat, draft))
            {
                results[i] = MessageWrite.Refused(ChatActionOutcome<MessageView>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat));
                continue;
            }

            if (draft.ActiveExpertOnly && !chat.ExpertActive)
            {
                results[i] = MessageWrite.Refused(ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Forbidden, ActiveExpertHubFilter.NoAccess));
                continue;
            }

            if (ChatConversation.ClosedTo(chat.Status, draft.Sender) is { } closed)
            {
                results[i] = MessageWrite.Refused(closed);
                continue;
            }

            if (draft.ClientMessageId is { } clientId && stored.TryGetValue((chat.Id, draft.Sender, clientId), out var earlier))
            {
                results[i] = new MessageWrite(null, earlier, false, chat);
                continue;
            }

            var message = new ChatMessage
            {
                MerchantId = chat.MerchantId,
                ChatId = chat.Id,
                Sequence = last[chat.Id] += 1,
                Sender = draft.Sender,
                StaffMemberId = draft.StaffMemberId,
                AuthorName = draft.Sender == MessageSender.Expert ? draft.AuthorName ?? chat.ExpertName : draft.AuthorName,
                Text = draft.Text,
                SentAt = now,
                ClientMessageId = draft.ClientMessageId,
                Kind = draft.Attachment is null ? draft.Kind : MessageKind.Attachment,
                AttachmentId = draft.Attachment?.Id,
                Data = draft.Data,
            };
            appended.Add(message);
            if (draft.Attachment is not null)
            {
                db.ChatAttachments.Add(draft.Attachment);
            }

            if (draft.ClientMessageId is { } newId)
            {
                stored[(chat.Id, draft.Sender, newId)] = message;
            }

            touched.Add(chat.Id);
            results[i] = new MessageWrite(null, message, true, chat);
        }

        if (touched.Count > 0)
        {
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(); // the attachments of attachment messages, before the messages that name them
            }

            // One statement for the batch's messages (EF Core would send one INSERT per row).
            await MultiRowInsert.InsertAsync(db, appended, CancellationToken.None);
            await db.Chats.IgnoreQueryFilters().Where(c => touched.Contains(c.Id) && c.Status != ChatStatus.Ended)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, now).SetProperty(c => c.IdleWarningSentAt, (DateTimeOffset?)null));
        }

        await transaction.CommitAsync();
        return results;
    }

    /// <summary>
    /// The messages already stored under the drafts' client message ids (a retried send). On SQLite one probe of the
    /// unique (chat, sender, client id) index per draft: the drafts' keys go as one JSON parameter. (Matching the chat
    /// ids and client ids as two lists made SQLite read every message of every chat in the batch: 9 ms of a 25 ms
    /// batch in issue 11's benchmark.) Other providers keep EF's query over the two lists.
    /// </summary>
    private static async Task<List<ChatMessage>> StoredWithClientIdsAsync(VirtualShoppingDbContext db, List<Guid> chatIds, List<MessageDraft> drafts)
    {
        if (!db.Database.IsSqlite())
        {
            var clientIds = drafts.Select(d => d.ClientMessageId!).Distinct().ToList();
            return await db.ChatMessages.IgnoreQueryFilters().AsNoTracking()
                .Where(m => chatIds.Contains(m.ChatId) && m.ClientMessageId != null && clientIds.Contains(m.ClientMessageId))
                .ToListAsync();
        }

        // As EF stores them on SQLite: a Guid as upper-case text, the sender through its column's converter (its name).
        var sender = db.Model.FindEntityType(typeof(ChatMessage))!.FindProperty(nameof(ChatMessage.Sender))!.GetTypeMapping().Converter;
        var keys = System.Text.Json.JsonSerializer.Serialize(drafts.Select(d => new object?[]
        {
            d.ChatId.ToString("D").ToUpperInvariant(),
            sender is null ? (int)d.Sender : sender.ConvertToProvider(d.Sender),
            d.ClientMessageId,
        }));
        return await db.ChatMessages.FromSqlRaw(
                "SELECT * FROM \"ChatMessages\" WHERE (\"ChatId\", \"Sender\", \"ClientMessageId\") IN " +
                "(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each({0}))",
                keys)
            .IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }

    /// <summary>The chats of a batch: who may write in them, their status, their last number and their expert (compiled once).</summary>
    private static readonly Func<VirtualShoppingDbContext, List<Guid>, IAsyncEnumerable<ChatFacts>> ChatsConcerned = EF.CompileAsyncQuery(
        (VirtualShoppingDbContext db, List<Guid> chatIds) => db.Chats.IgnoreQueryFilters().AsNoTracking()
            .Where(c => chatIds.Contains(c.Id))
            .Select(c => new ChatFacts(
                c.Id,
                c.MerchantId,
                c.ShopperId,
                c.ExpertId,
                c.Status,
                c.ShopperEmail,
                db.ChatMessages.IgnoreQueryFilters().Where(m => m.ChatId == c.Id).Max(m => (int?)m.Sequence) ?? 0,
                db.StaffMembers.IgnoreQueryFilters().Where(s => s.Id == c.ExpertId).Select(s => s.DisplayName).FirstOrDefault(),
                db.StaffMembers.IgnoreQueryFilters().Any(s => s.Id == c.ExpertId && s.MerchantId == c.MerchantId && s.Status == StaffStatus.Active && s.Roles.HasFlag(StaffRoles.Expert)))));

    private static bool Holds(ChatFacts chat, MessageDraft draft) =>
        draft.Sender == MessageSender.Shopper ? chat.ShopperId == draft.ShopperId : chat.ExpertId is { } expert && expert == draft.StaffMemberId;

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Count} chat messages failed")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record Pending(MessageDraft Draft, TaskCompletionSource<MessageWrite> Done);
}

/// <summary>A message to store: whose, in which chat, from which side (a shopper by their id, an expert by theirs).</summary>
/// <param name="ActiveExpertOnly">Refuse it unless the chat's expert is still an active expert (the Store App's callers, checked here instead of a query of their own).</param>
/// <param name="Kind">What the message carries when it has no attachment (e.g. a discount code).</param>
/// <param name="Data">The kind's JSON (see <see cref="ChatMessage.Data"/>).</param>
public sealed record MessageDraft(
    Guid MerchantId,
    Guid ChatId,
    MessageSender Sender,
    Guid? ShopperId,
    Guid? StaffMemberId,
    string? AuthorName,
    string Text,
    string? ClientMessageId,
    ChatAttachment? Attachment = null,
    bool ActiveExpertOnly = false,
    MessageKind Kind = MessageKind.Text,
    string? Data = null);

/// <summary>What the writer read of a chat while storing a message in it.</summary>
public sealed record ChatFacts(Guid Id, Guid MerchantId, Guid ShopperId, Guid? ExpertId, ChatStatus Status, string? ShopperEmail, int LastSequence, string? ExpertName, bool ExpertActive);

/// <summary>The writer's answer: a refusal, or the message (newly appended, or the one a retried send stored) and its chat.</summary>
public sealed record MessageWrite(ChatActionOutcome<MessageView>? Refusal, ChatMessage? Message, bool Appended, ChatFacts? Chat)
{
    public static MessageWrite Refused(ChatActionOutcome<MessageView> refusal) => new(refusal, null, false, null);
}
