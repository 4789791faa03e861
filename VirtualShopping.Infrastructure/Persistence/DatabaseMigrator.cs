using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>Applies the configured provider's pending migrations (never EnsureCreated).</summary>
public sealed partial class DatabaseMigrator(IDbContextFactory<VirtualShoppingDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count == 0)
        {
            LogUpToDate(logger, db.Database.ProviderName);
            return;
        }

        LogApplying(logger, pending.Count, db.Database.ProviderName, pending);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date")]
    private static partial void LogUpToDate(ILogger logger, string? provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to {Provider}: {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string? provider, IReadOnlyList<string> migrations);
}
