using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The merchants' allowed origins (On-site chat settings) as the shopper hub's CORS needs them: one merchant's
/// (for a request that carries its session token), and the set of every active merchant's, kept briefly in memory
/// for preflights, which cannot carry a token. An origin missing from the set re-reads it, at most once a second,
/// so a newly allowed site works at once while a flood of preflights from unknown origins costs one query a second.
/// </summary>
public sealed class WidgetOrigins(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot snapshot = new([], DateTimeOffset.MinValue);

    /// <summary>Whether the Origin header names this app itself (the chat frame runs here), compared by host and port.</summary>
    public static bool IsSameOrigin(HttpRequest request, string origin)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The allowed origins of one merchant, normalized.</summary>
    public static async Task<IReadOnlyList<string>> OfMerchantAsync(IServiceProvider services, Guid merchantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var origins = await db.ChatSettings.IgnoreQueryFilters().Where(c => c.MerchantId == merchantId).Select(c => c.AllowedOrigins).FirstOrDefaultAsync(cancellationToken) ?? [];
        return origins.Select(SafeUrl.NormalizeOrigin).ToList();
    }

    /// <summary>Whether the origin is allowed by at least one active merchant.</summary>
    public async Task<bool> AllowedByAnyMerchantAsync(IServiceProvider services, string origin, CancellationToken cancellationToken)
    {
        var normalized = SafeUrl.NormalizeOrigin(origin);
        var now = clock.GetUtcNow();
        var current = snapshot;
        if (current.Origins.Contains(normalized) && now - current.ReadAt < Freshness)
        {
            return true;
        }

        if (now - current.ReadAt < MissRefreshInterval && !current.Origins.Contains(normalized))
        {
            return false;
        }

        await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (snapshot.ReadAt == current.ReadAt)
            {
                snapshot = new Snapshot(await ReadAllAsync(services, cancellationToken), now);
            }

            return snapshot.Origins.Contains(normalized);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private static async Task<HashSet<string>> ReadAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var lists = await db.ChatSettings.IgnoreQueryFilters()
            .Where(c => db.Merchants.Any(m => m.Id == c.MerchantId && m.IsActive))
            .Select(c => c.AllowedOrigins)
            .ToListAsync(cancellationToken);
        return lists.SelectMany(l => l).Select(SafeUrl.NormalizeOrigin).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose() => refreshing.Dispose();

    private sealed record Snapshot(HashSet<string> Origins, DateTimeOffset ReadAt);
}
