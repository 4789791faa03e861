using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>Which orders a drill-down lists.</summary>
public enum SalesOrderKind
{
    Attributed = 0,
    Unattributed = 1,
    All = 2,
}

/// <summary>One order of a drill-down list, with how it was credited.</summary>
public sealed record SalesOrderLine(
    Guid Id,
    string ExternalId,
    DateTimeOffset PlacedAt,
    OrderSource Source,
    decimal Subtotal,
    decimal NetRevenue,
    string Currency,
    OrderStatus Status,
    string? Expert,
    string? Store,
    string? MatchedBy,
    DateTimeOffset? TouchAt,
    int? WindowDays,
    Guid? ChatId);

/// <summary>A page of orders and how many there are in all.</summary>
public sealed record SalesOrderPage(IReadOnlyList<SalesOrderLine> Lines, int Total);

/// <summary>A conversation an order was credited to, read-only.</summary>
public sealed record SalesConversation(Guid Id, DateTimeOffset StartedAt, string? Expert, string? Store, string Department, int? Rating, IReadOnlyList<SalesConversationMessage> Messages);

/// <summary>One message of <see cref="SalesConversation"/>.</summary>
public sealed record SalesConversationMessage(DateTimeOffset SentAt, MessageSender Sender, string Author, string Text);

/// <summary>
/// The drill-downs behind the sales figures: the raw orders of a filter (paged by the orders' indexes, newest first)
/// and the conversation an order was credited to, both within the person's <see cref="ReportScope"/>.
/// </summary>
public sealed class SalesOrders(IDbContextFactory<VirtualShoppingDbContext> contexts)
{
    public const int MaxPageSize = 500;

    public async Task<SalesOrderPage> PageAsync(ReportScope scope, ReportFilter filter, SalesOrderKind kind, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = await QueryAsync(db, scope, filter, kind, cancellationToken);
        if (query is null)
        {
            return new SalesOrderPage([], 0);
        }

        var total = await query.CountAsync(cancellationToken);
        var orders = await query.OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        var experts = orders.Where(o => o.AttributedStaffMemberId != null).Select(o => o.AttributedStaffMemberId!.Value).Distinct().ToList();
        var stores = orders.Where(o => o.AttributedStoreId != null).Select(o => o.AttributedStoreId!.Value).Distinct().ToList();
        var expertNames = await db.StaffMembers.AsNoTracking().Where(s => experts.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var storeNames = await db.Stores.AsNoTracking().Where(s => stores.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return new SalesOrderPage(
            [.. orders.Select(o => new SalesOrderLine(
                o.Id, o.ExternalId, o.PlacedAt, o.Source, o.Subtotal, o.NetRevenue, o.Currency, o.Status,
                o.AttributedStaffMemberId is { } e ? expertNames.GetValueOrDefault(e) : null,
                o.AttributedStoreId is { } s ? storeNames.GetValueOrDefault(s) : null,
                o.AttributionMatch is { } m ? AttributionRule.Describe(m) : null,
                o.AttributionTouchAt, o.AttributionWindowDays,
                o.AttributionChatId is { } chat && scope.Sees(o.AttributedStoreId) ? chat : null))],
            total);
    }

    /// <summary>The conversation, or null when it does not exist or lies outside the scope.</summary>
    public async Task<SalesConversation?> ConversationAsync(ReportScope scope, Guid chatId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().Where(c => c.Id == chatId)
            .Select(c => new { c.Id, c.StartedAt, c.ExpertName, c.ExpertStoreName, c.StoreId, c.DepartmentId, c.Rating }).SingleOrDefaultAsync(cancellationToken);
        if (chat is null || !scope.Sees(chat.StoreId))
        {
            return null;
        }

        var department = await db.Departments.AsNoTracking().Where(d => d.Id == chat.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        var messages = await db.ChatMessages.AsNoTracking().Where(m => m.ChatId == chatId && m.Kind != MessageKind.Cart)
            .OrderBy(m => m.Sequence).Take(1000)
            .Select(m => new SalesConversationMessage(m.SentAt, m.Sender, m.AuthorName ?? m.Sender.ToString(), m.Kind == MessageKind.Note ? "(note) " + m.Text : m.Text))
            .ToListAsync(cancellationToken);
        return new SalesConversation(chat.Id, chat.StartedAt, chat.ExpertName, chat.ExpertStoreName, department, chat.Rating, messages);
    }

    /// <summary>The orders of the filter's days in scope, or null when the scope or filter leaves none.</summary>
    private static async Task<IQueryable<Order>?> QueryAsync(VirtualShoppingDbContext db, ReportScope scope, ReportFilter filter, SalesOrderKind kind, CancellationToken cancellationToken)
    {
        if (scope.IsEmpty || (filter.StoreId is { } asked && !scope.Sees(asked)))
        {
            return null;
        }

        var unattributedOnly = kind == SalesOrderKind.Unattributed;
        if (unattributedOnly && (!scope.AllStores || filter.StoreId is not null || filter.StaffMemberId is not null || filter.TeamId is not null || filter.DepartmentId is not null))
        {
            return null;
        }

        var range = filter.RangeIn(await SalesRollup.TimeZoneAsync(db, cancellationToken));
        var (start, end) = (range.Start, range.End);
        var query = db.Orders.AsNoTracking().Where(o => o.PlacedAt >= start && o.PlacedAt < end);
        query = kind switch
        {
            SalesOrderKind.Attributed => query.Where(o => o.AttributedStaffMemberId != null),
            SalesOrderKind.Unattributed => query.Where(o => o.AttributedStaffMemberId == null),
            _ => query,
        };
        if (!scope.AllStores)
        {
            var stores = scope.StoreIds.ToList();
            query = query.Where(o => o.AttributedStoreId != null && stores.Contains(o.AttributedStoreId.Value));
        }

        if (filter.StoreId is { } store)
        {
            query = query.Where(o => o.AttributedStoreId == store);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(o => o.AttributedDepartmentId == department);
        }

        if (filter.StaffMemberId is { } expert)
        {
            query = query.Where(o => o.AttributedStaffMemberId == expert);
        }

        if (filter.TeamId is { } teamId)
        {
            var members = (await SalesReports.TeamsAsync(db, scope, cancellationToken)).FirstOrDefault(t => t.Id == teamId)?.Members.ToList() ?? [];
            query = query.Where(o => o.AttributedStaffMemberId != null && members.Contains(o.AttributedStaffMemberId.Value));
        }

        return query;
    }
}
