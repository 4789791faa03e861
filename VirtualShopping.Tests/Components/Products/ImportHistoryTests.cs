using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products.Pages;

namespace VirtualShopping.Tests.Components.Products;

public sealed class ImportHistoryTests : DashboardTestContext
{
    private async Task<ProductImport> SeedAsync(string? feedUrl, ProductImportStatus lastStatus = ProductImportStatus.Succeeded)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.AccountSettings.Add(new AccountSettings { MerchantId = Merchant.Id, ProductFeedUrl = feedUrl });
        var now = Clock.GetUtcNow();
        var failed = new ProductImport
        {
            MerchantId = Merchant.Id, SourceName = "https://shop.example/feed.xml", StartedAt = now.AddDays(-1), FinishedAt = now.AddDays(-1),
            Status = ProductImportStatus.Failed, Error = "This is not a product feed: it is an HTML page.",
        };
        var last = new ProductImport
        {
            MerchantId = Merchant.Id, SourceName = "https://shop.example/feed.xml", StartedAt = now.AddHours(-1), Status = lastStatus,
            RowsRead = 12, Created = 8, Updated = 1, Unchanged = 1, MadeUnavailable = 1, Rejected = 2,
        };
        db.ProductImports.AddRange(failed, last);
        db.ProductImportRejections.AddRange(
            new ProductImportRejection { MerchantId = Merchant.Id, ImportId = last.Id, Position = 7, PositionKind = FeedPositionKind.Item, ProductId = "TRB-46", Reason = "bad price \"abc\"" },
            new ProductImportRejection { MerchantId = Merchant.Id, ImportId = last.Id, Position = 3, PositionKind = FeedPositionKind.Item, Reason = "missing id" });
        await db.SaveChangesAsync();
        return last;
    }

    [Fact]
    public async Task The_history_lists_imports_newest_first_and_a_rejection_count_opens_the_rejected_rows_in_feed_order()
    {
        await SeedAsync("https://shop.example/feed.xml");
        var providers = RenderProviders();
        var history = Render<ImportHistory>();

        history.WaitForAssertion(() => Assert.Equal(["Succeeded", "Failed"], history.FindAll("[data-testid=import-status]").Select(s => s.TextContent.Trim())));
        Assert.Contains("This is not a product feed", history.Markup, StringComparison.Ordinal);

        history.Find("[data-testid=import-rejections]").Click();

        providers.WaitForAssertion(() => Assert.Equal(2, providers.FindAll("[data-testid=rejection-row]").Count));
        var rows = providers.FindAll("[data-testid=rejection-row]").Select(r => r.TextContent).ToList();
        Assert.Contains("Item 3", rows[0], StringComparison.Ordinal);
        Assert.Contains("missing id", rows[0], StringComparison.Ordinal);
        Assert.Contains("TRB-46", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_now_is_hidden_without_a_feed_url()
    {
        await SeedAsync(feedUrl: null);
        var history = Render<ImportHistory>();

        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("[data-testid=import-status]").Count));
        Assert.Empty(history.FindAll("[data-testid=import-now]"));
    }

    [Fact]
    public async Task Import_now_starts_an_import_and_says_so()
    {
        await SeedAsync("https://shop.example/feed.xml");
        var providers = RenderProviders();
        var history = Render<ImportHistory>();

        history.WaitForElement("[data-testid=import-now]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Import started", providers.Markup, StringComparison.Ordinal));
        var enqueued = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10);
        Assert.Equal(nameof(VirtualShopping.Web.Features.Products.ProductFeedJob), Assert.Single(enqueued).Value.Job.Type.Name);
    }

    [Fact]
    public async Task A_running_import_shows_its_progress_refreshed_every_two_seconds_until_it_finishes()
    {
        var running = await SeedAsync("https://shop.example/feed.xml", ProductImportStatus.Running);
        var history = Render<ImportHistory>();
        history.WaitForAssertion(() => Assert.Contains("12 rows so far", history.Find("[data-testid=import-progress]").TextContent, StringComparison.Ordinal));

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.ProductImports.Where(i => i.Id == running.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.RowsRead, 3000));
        }

        Clock.Advance(ImportHistory.RefreshInterval);
        history.WaitForAssertion(() => Assert.Contains("3,000 rows so far", history.Find("[data-testid=import-progress]").TextContent, StringComparison.Ordinal));

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.ProductImports.Where(i => i.Id == running.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ProductImportStatus.Succeeded));
        }

        Clock.Advance(ImportHistory.RefreshInterval);
        history.WaitForAssertion(() => Assert.Empty(history.FindAll("[data-testid=import-progress]")));
        Assert.Equal("Succeeded", history.FindAll("[data-testid=import-status]")[0].TextContent.Trim());
    }
}
