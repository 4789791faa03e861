using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>
/// Healthy only when the database would take a write now. Connecting is not enough: a SQLite file locked by
/// another writer (or made read-only) still opens and reads. On SQLite the check takes the write lock
/// (BEGIN IMMEDIATE, waiting at most the configured busy timeout) and rolls back; elsewhere it runs a query.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<VirtualShoppingDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE; ROLLBACK;", cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            }

            return HealthCheckResult.Healthy("The database takes writes.");
        }
        catch (Exception ex) when (DatabaseUnavailability.Explains(ex) || ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database is busy, locked, read-only or unreachable.", ex);
        }
    }
}
