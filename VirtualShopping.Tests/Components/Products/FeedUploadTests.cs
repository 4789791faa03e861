using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Products.Pages;

namespace VirtualShopping.Tests.Components.Products;

/// <summary>The import history's "Upload feed file": the file is checked, streamed in and imported, and the history follows it.</summary>
public sealed class FeedUploadTests : DashboardTestContext
{
    private const string Csv = "id,title,link,price,availability\nUP-1,Trail boot,https://shop.example/up-1,59.00 GBP,in_stock\nUP-2,Wool sock,https://shop.example/up-2,9.00 GBP,in_stock\n";

    private static void Upload(IRenderedComponent<ImportHistory> history, InputFileContent file) =>
        history.FindComponent<FeedUpload>().FindComponent<InputFile>().UploadFiles(file);

    [Fact]
    public async Task An_uploaded_csv_is_imported_as_an_upload_under_its_name_and_the_history_reports_it()
    {
        var providers = RenderProviders();
        var history = Render<ImportHistory>();
        history.WaitForElement("[data-testid=imports-empty]");
        Assert.Equal(ProductFeedUploads.Accept, history.Find("input[type=file]").GetAttribute("accept"));

        Upload(history, InputFileContent.CreateFromText(Csv, "spring.csv", contentType: "text/csv"));

        history.WaitForAssertion(() => Assert.Equal("Succeeded", history.Find("[data-testid=import-status]").TextContent.Trim()), TimeSpan.FromSeconds(20));
        Assert.Equal("spring.csv", history.Find("[data-testid=import-source]").TextContent.Trim());
        Assert.Contains("Upload", history.Find("tbody tr").TextContent, StringComparison.Ordinal);
        providers.WaitForAssertion(() => Assert.Contains("spring.csv imported: 2 rows, 2 created, 0 updated.", providers.Markup, StringComparison.Ordinal));
        Assert.Empty(history.FindAll("[data-testid=upload-importing]"));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(["UP-1", "UP-2"], await db.Products.OrderBy(p => p.ExternalId).Select(p => p.ExternalId).ToListAsync());
        var import = await db.ProductImports.SingleAsync();
        Assert.Equal((ProductImportSource.Upload, "spring.csv", ProductImportStatus.Succeeded), (import.Source, import.SourceName, import.Status));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_read_with_a_message_and_nothing_is_imported()
    {
        Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProductFeedOptions>>().Value.MaxBytes = 100; // this test's limit
        var history = Render<ImportHistory>();
        history.WaitForElement("[data-testid=imports-empty]");

        Upload(history, InputFileContent.CreateFromText(Csv, "huge.csv", contentType: "text/csv"));

        history.WaitForAssertion(() => Assert.Contains("huge.csv is", history.Find("[data-testid=upload-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("larger than 100 bytes", history.Find("[data-testid=upload-error]").TextContent, StringComparison.Ordinal);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.ProductImports.CountAsync());
        Assert.NotNull(history.Find("[data-testid=imports-empty]"));
    }

    [Fact]
    public async Task An_upload_waiting_for_the_import_before_it_shows_that_it_is_importing_until_it_has_run()
    {
        var providers = RenderProviders();
        var history = Render<ImportHistory>();
        history.WaitForElement("[data-testid=imports-empty]");
        var turn = await Services.GetRequiredService<ProductImportGate>().EnterAsync(Merchant.Id, Xunit.TestContext.Current.CancellationToken);

        Upload(history, InputFileContent.CreateFromText(Csv, "queued.csv", contentType: "text/csv"));

        history.WaitForAssertion(() => Assert.Contains("Importing queued.csv", history.Find("[data-testid=upload-importing]").TextContent, StringComparison.Ordinal));
        Assert.Empty(history.FindAll("[data-testid=import-status]"));

        turn.Dispose();

        history.WaitForAssertion(() => Assert.Equal("Succeeded", history.Find("[data-testid=import-status]").TextContent.Trim()), TimeSpan.FromSeconds(20));
        Assert.Empty(history.FindAll("[data-testid=upload-importing]"));
        providers.WaitForAssertion(() => Assert.Contains("queued.csv imported", providers.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_feed_ends_failed_with_the_parser_s_reason()
    {
        var providers = RenderProviders();
        var history = Render<ImportHistory>();
        history.WaitForElement("[data-testid=imports-empty]");

        Upload(history, InputFileContent.CreateFromText("<!DOCTYPE html><html><body>Shop</body></html>", "feed.xml", contentType: "text/xml"));

        history.WaitForAssertion(() => Assert.Equal("Failed", history.Find("[data-testid=import-status]").TextContent.Trim()), TimeSpan.FromSeconds(20));
        Assert.Contains("HTML", history.Find("[data-testid=import-error]").TextContent, StringComparison.Ordinal);
        providers.WaitForAssertion(() => Assert.Contains("feed.xml was not imported", providers.Markup, StringComparison.Ordinal));
    }
}
