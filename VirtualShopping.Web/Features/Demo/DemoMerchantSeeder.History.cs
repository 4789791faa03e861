using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Orders;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Web.Features.Demo;

/// <summary>The demo merchant's months of chats and orders (<see cref="DemoHistory"/>), when Seed:DemoHistory is on.</summary>
public sealed partial class DemoMerchantSeeder
{
    /// <summary>Adds the history once (also to a demo database seeded before it existed); the result says which days it covers.</summary>
    private async Task<DemoHistoryResult?> AddDemoHistoryAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        if (!options.Value.DemoHistory)
        {
            return null;
        }

        var merchantId = await db.Merchants.IgnoreQueryFilters().Where(m => m.Name == MerchantName).Select(m => m.Id).FirstAsync(cancellationToken);
        scope.Use(merchantId);
        await using var scoped = await contexts.CreateDbContextAsync(cancellationToken);
        await using var shareScope = services.CreateAsyncScope();
        var processorTime = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await DemoHistory.SeedAsync(
            scoped, merchantId, clock.GetUtcNow(), services.GetRequiredService<OrderAttributor>(), shareScope.ServiceProvider.GetRequiredService<ProductShares>(), cancellationToken);
        if (result.Added)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - processorTime;
            LogDemoHistory(logger, result.Chats, result.Orders, result.From, result.To, (long)result.Elapsed.TotalMilliseconds, (long)cpu.TotalMilliseconds);

            // The reports read daily rollups: build them for the history's days now, so a newcomer's first look has figures.
            await services.GetRequiredService<SalesRollup>().RebuildAsync(merchantId, result.From, result.To, cancellationToken);
            await services.GetRequiredService<TeamRollup>().RebuildAsync(merchantId, result.From, result.To, cancellationToken);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history added: {Chats} chats and {Orders} orders from {From} to {To} in {ElapsedMs} ms ({ProcessorMs} ms of processor time).")]
    private static partial void LogDemoHistory(ILogger logger, int chats, int orders, DateOnly from, DateOnly to, long elapsedMs, long processorMs);
}
