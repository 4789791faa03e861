using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// The one report that reads raw rows: one CSV row per conversation started in the range and scope, written page by
/// page over the chats' (merchant, start) index, with each chat's claim time, first response, duration, rating and
/// attributed revenue (net revenue of orders credited to the chat, in the merchant's currency).
/// </summary>
public sealed class ConversationExport(IDbContextFactory<VirtualShoppingDbContext> contexts)
{
    public const int PageSize = 1_000;

    public static IReadOnlyList<string> Header(string currency) =>
    [
        "Conversation", "Start (local)", "Department", "Store", "Expert", "Claim time (s)", "First response (s)", "Duration (s)", "Rating",
        $"Attributed revenue ({currency})",
    ];

    public async Task WriteAsync(Stream output, TeamReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(request);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await WriteRowAsync(writer, Header(request.Options.Currency));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chats = await ChatsAsync(db, request, cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var stores = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var range = request.Filter.RangeIn(request.Options.TimeZone);
        var cursor = range.Start;
        var ties = 0;
        while (true)
        {
            var page = await chats.Where(c => c.StartedAt >= cursor && c.StartedAt < range.End)
                .OrderBy(c => c.StartedAt).ThenBy(c => c.Id).Skip(ties).Take(PageSize)
                .Select(c => new
                {
                    c.Id, c.StartedAt, c.DepartmentId, c.StoreId, c.ExpertName, c.Status, c.QueuedAt, c.ClaimedAt, c.EndedAt, c.Rating,
                    FirstResponse = db.ChatMessages
                        .Where(m => m.ChatId == c.Id && m.Sender == MessageSender.Expert && m.Kind != MessageKind.Note && m.SentAt >= c.ClaimedAt)
                        .OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.SentAt).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var ids = page.Select(c => c.Id).ToList();
            var currency = request.Options.Currency;
            var revenue = (await db.Orders.AsNoTracking()
                    .Where(o => o.AttributionChatId != null && ids.Contains(o.AttributionChatId.Value) && o.Currency == currency)
                    .Select(o => new { ChatId = o.AttributionChatId!.Value, o.Subtotal, o.RefundedAmount, o.Status })
                    .ToListAsync(cancellationToken))
                .GroupBy(o => o.ChatId)
                .ToDictionary(g => g.Key, g => g.Sum(o => o.Status == OrderStatus.Cancelled ? 0m : Math.Max(0m, o.Subtotal - o.RefundedAmount)));
            foreach (var chat in page)
            {
                var claimed = chat.ClaimedAt is not null;
                await WriteRowAsync(writer,
                [
                    chat.Id.ToString("D"),
                    TimeZoneInfo.ConvertTime(chat.StartedAt, request.Options.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    departments.GetValueOrDefault(chat.DepartmentId),
                    chat.StoreId is { } store ? stores.GetValueOrDefault(store) : null,
                    claimed ? chat.ExpertName : null,
                    TeamTimes.ClaimTime(chat.StartedAt, chat.QueuedAt, chat.ClaimedAt),
                    claimed ? TeamTimes.Between(chat.ClaimedAt, chat.FirstResponse) : null,
                    chat.Status == ChatStatus.Ended ? TeamTimes.Between(chat.ClaimedAt, chat.EndedAt) : null,
                    chat.Rating,
                    claimed || revenue.ContainsKey(chat.Id) ? revenue.GetValueOrDefault(chat.Id).ToString("0.00", CultureInfo.InvariantCulture) : null,
                ]);
            }

            var last = page[^1].StartedAt;
            ties = last == cursor ? ties + page.Count(c => c.StartedAt == last) : page.Count(c => c.StartedAt == last);
            cursor = last;
            await writer.FlushAsync(cancellationToken);
        }
    }

    /// <summary>The chats the scope and filter allow (a team: its store's chats its members held).</summary>
    private static async Task<IQueryable<Chat>> ChatsAsync(VirtualShoppingDbContext db, TeamReportRequest request, CancellationToken cancellationToken)
    {
        var (scope, filter) = (request.Scope, request.Filter);
        var all = scope.AllStores;
        var storeIds = scope.StoreIds.ToList();
        var chats = db.Chats.AsNoTracking().Where(c => all || (c.StoreId != null && storeIds.Contains(c.StoreId.Value)));
        if (filter.StoreId is { } store)
        {
            chats = chats.Where(c => c.StoreId == store);
        }

        if (filter.TeamId is { } teamId)
        {
            var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
                .Select(t => new { t.StoreId, Members = t.Members.Select(m => m.Id).ToList() }).SingleAsync(cancellationToken);
            chats = chats.Where(c => c.StoreId == team.StoreId && c.ExpertId != null && team.Members.Contains(c.ExpertId.Value));
        }

        if (filter.DepartmentId is { } department)
        {
            chats = chats.Where(c => c.DepartmentId == department);
        }

        if (filter.StaffMemberId is { } expert)
        {
            chats = chats.Where(c => c.ExpertId == expert);
        }

        return chats;
    }

    private static Task WriteRowAsync(StreamWriter writer, IReadOnlyList<object?> cells) =>
        writer.WriteAsync(string.Join(',', cells.Select(CsvFile.Cell)) + "\r\n");
}
