using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Audit;

/// <summary>Reads the current merchant's audit log, newest first.</summary>
public sealed class AuditLogService(IDbContextFactory<VirtualShoppingDbContext> contexts)
{
    public async Task<PagedResult<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            entries = entries.Where(a => EF.Functions.Like(a.EntityLabel, pattern, LikePattern.Escape)
                || EF.Functions.Like(a.Field, pattern, LikePattern.Escape)
                || (a.OldValue != null && EF.Functions.Like(a.OldValue, pattern, LikePattern.Escape))
                || (a.NewValue != null && EF.Functions.Like(a.NewValue, pattern, LikePattern.Escape)));
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(a => a.ActorName == query.Actor);
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Page) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(page, total);
    }

    /// <summary>The kinds of rows and the people that appear in the log, for the filter pickers.</summary>
    public async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actors)> FilterChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var actors = await db.AuditEntries.Select(a => a.ActorName).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return (types, actors);
    }
}
