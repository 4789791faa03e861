using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>POST /api/v1/products/imports: a merchant's tool uploads a feed file through the real pipeline.</summary>
public sealed class ProductUploadApiTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private const string Csv = "id,title,link,price,availability\nUP-1,Upload boot,https://www.demo-outfitters.example/up-1,59.00 GBP,in_stock\nUP-2,Upload sock,https://www.demo-outfitters.example/up-2,9.00 GBP,out_of_stock\n";

    [Fact]
    public async Task A_manager_uploads_a_csv_feed_and_gets_the_finished_import_as_an_upload_under_the_file_s_name()
    {
        var demo = await factory.DemoMerchantAsync();
        var demoProducts = await factory.InMerchantAsync(demo.Id, db => db.Products.Select(p => p.ExternalId).ToListAsync());
        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);

        // The whole catalogue is the file (a feed is complete): the demo's products leave the feed, they are not deleted.
        using var response = await manager.PostAsync("/api/v1/products/imports", File(Encoding.UTF8.GetBytes(Csv), "C:\\exports\\spring catalogue.csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var import = (await response.Content.ReadAsync<ProductImportView>())!;
        Assert.Equal(
            (ProductImportStatus.Succeeded, ProductImportSource.Upload, "spring catalogue.csv", 2, 2, demoProducts.Count),
            (import.Status, import.Source, import.SourceName, import.RowsRead, import.Created, import.MadeUnavailable));
        var products = await factory.InMerchantAsync(demo.Id, db => db.Products.Where(p => p.InFeed).Select(p => p.ExternalId).OrderBy(id => id).ToListAsync());
        Assert.Equal(["UP-1", "UP-2"], products);

        // The demo's own catalogue back, for the other tests of this class.
        using var again = await manager.PostAsync("/api/v1/products/imports", File(DemoFeed(), DemoMerchantSeeder.DemoFeedName));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_feed_is_recorded_failed_with_the_parser_s_reason_and_changes_nothing()
    {
        var demo = await factory.DemoMerchantAsync();
        var before = await InFeedAsync(demo.Id);
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        using var response = await admin.PostAsync("/api/v1/products/imports", File("<!DOCTYPE html><html><body>Our shop</body></html>"u8.ToArray(), "feed.xml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("HTML", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        var id = problem.GetProperty("importId").GetGuid();
        var failed = await factory.InMerchantAsync(demo.Id, db => db.ProductImports.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((ProductImportStatus.Failed, ProductImportSource.Upload, "feed.xml"), (failed.Status, failed.Source, failed.SourceName));
        Assert.Equal(before, await InFeedAsync(demo.Id));
    }

    [Fact]
    public async Task A_missing_empty_or_non_multipart_file_is_a_problem_naming_file_and_imports_nothing()
    {
        var demo = await factory.DemoMerchantAsync();
        var imports = await ImportCountAsync(demo.Id);
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        using var noFile = new MultipartFormDataContent { { new StringContent("hello"), "note" } };
        using var json = new StringContent("{\"file\":\"feed.csv\"}", Encoding.UTF8, "application/json");

        foreach (var (content, says) in new (HttpContent, string)[] { (noFile, "Choose a feed file"), (File([], "empty.csv"), "empty"), (json, "multipart/form-data") })
        {
            using var response = await admin.PostAsync("/api/v1/products/imports", content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(says, (await ProblemAsync(response)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(imports, await ImportCountAsync(demo.Id));
    }

    [Fact]
    public async Task An_upload_while_another_instance_holds_the_merchant_s_import_lease_is_a_409_and_records_nothing()
    {
        var demo = await factory.DemoMerchantAsync();
        var running = new ProductImport
        {
            MerchantId = demo.Id, Source = ProductImportSource.Url, SourceName = "https://shop.example/feed.xml", StartedAt = DateTimeOffset.UtcNow,
            Status = ProductImportStatus.Running, LeaseUntil = DateTimeOffset.UtcNow.AddMinutes(5),
        };
        await factory.InMerchantAsync(demo.Id, async db =>
        {
            db.ProductImports.Add(running);
            return await db.SaveChangesAsync();
        });
        var imports = await ImportCountAsync(demo.Id);
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        try
        {
            using var response = await admin.PostAsync("/api/v1/products/imports", File(Encoding.UTF8.GetBytes(Csv), "feed.csv"));

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("Another import of your products is running", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(imports, await ImportCountAsync(demo.Id));
        }
        finally
        {
            await factory.InMerchantAsync(demo.Id, db => db.ProductImports.Where(i => i.Id == running.Id).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Another_merchant_s_upload_imports_into_its_own_catalogue_only()
    {
        var demo = await factory.DemoMerchantAsync();
        var (demoProducts, demoImports) = (await InFeedAsync(demo.Id), await ImportCountAsync(demo.Id));
        var other = await TestMerchants.CreateAsync(factory.Services, "Upload Other Shop", "admin@upload-other.example");
        var otherAdmin = await factory.SignInAsync("admin@upload-other.example", TestMerchants.Password);

        using var response = await otherAdmin.PostAsync("/api/v1/products/imports", File(Encoding.UTF8.GetBytes(Csv), "other.csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["UP-1", "UP-2"], await InFeedAsync(other.Id));
        Assert.Equal(demoProducts, await InFeedAsync(demo.Id));
        Assert.Equal(demoImports, await ImportCountAsync(demo.Id));
    }

    private static MultipartFormDataContent File(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] DemoFeed()
    {
        using var resource = typeof(DemoMerchantSeeder).Assembly.GetManifestResourceStream("Demo." + DemoMerchantSeeder.DemoFeedName)!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<List<string>> InFeedAsync(Guid merchantId) =>
        factory.InMerchantAsync(merchantId, db => db.Products.Where(p => p.InFeed).Select(p => p.ExternalId).OrderBy(id => id).ToListAsync());

    private Task<int> ImportCountAsync(Guid merchantId) => factory.InMerchantAsync(merchantId, db => db.ProductImports.CountAsync());
}

/// <summary>The size limit, on a host whose limit is 2 KB (ProductFeeds:MaxBytes): a file over it is refused with 413 and imports nothing.</summary>
public sealed class ProductUploadLimitTests : IAsyncLifetime
{
    private readonly VirtualShoppingFactory factory = new();

    public ValueTask InitializeAsync()
    {
        factory.SetSetting("ProductFeeds:MaxBytes", "2048");
        factory.SetSetting("ProductFeeds:MaxUnpackedBytes", "65536");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_file_over_the_limit_is_a_413_problem_naming_file_whether_its_length_is_declared_or_found_while_reading()
    {
        var demo = await factory.DemoMerchantAsync();
        var imports = await factory.InMerchantAsync(demo.Id, db => db.ProductImports.CountAsync());
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var header = "id,title,link,price,availability\n";
        string Rows(int count) => header + string.Concat(Enumerable.Range(1, count).Select(i => $"BIG-{i},Item {i},https://shop.example/{i},9.00 GBP,in_stock\n"));

        // Just over the limit: the request's length passes (the multipart envelope is allowed for), the file is counted as it streams.
        var justOver = Encoding.UTF8.GetBytes(Rows(60));
        Assert.InRange(justOver.Length, 2049, 64 * 1024);
        // Far over: the declared length alone refuses it.
        var farOver = Encoding.UTF8.GetBytes(Rows(2000));
        Assert.True(farOver.Length > 2048 + (64 * 1024));

        foreach (var bytes in new[] { justOver, farOver })
        {
            var file = new ByteArrayContent(bytes);
            using var content = new MultipartFormDataContent { { file, "file", "big.csv" } };
            using var response = await admin.PostAsync("/api/v1/products/imports", content);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("larger than 2 KB", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(imports, await factory.InMerchantAsync(demo.Id, db => db.ProductImports.CountAsync()));
        Assert.Empty(await factory.InMerchantAsync(demo.Id, db => db.Products.Where(p => p.ExternalId.StartsWith("BIG-")).ToListAsync()));
    }

    [Fact]
    public async Task A_small_gzip_file_that_unpacks_past_the_limit_fails_with_its_reason_and_changes_nothing()
    {
        var demo = await factory.DemoMerchantAsync();
        var before = await factory.InMerchantAsync(demo.Id, db => db.Products.Where(p => p.InFeed).Select(p => p.ExternalId).OrderBy(id => id).ToListAsync());
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var rows = "id,title,link,price,availability\n" + string.Concat(Enumerable.Repeat("GZ-1,Same item again,https://shop.example/gz-1,9.00 GBP,in_stock\n", 5000));
        using var packed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(rows));
        }

        Assert.InRange(packed.Length, 1, 2048); // under the 2 KB file limit; unpacked, far over the 64 KB one
        using var content = new MultipartFormDataContent { { new ByteArrayContent(packed.ToArray()), "file", "catalogue.csv.gz" } };
        using var response = await admin.PostAsync("/api/v1/products/imports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("unpacks to more than 64 KB", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.InMerchantAsync(demo.Id, db => db.Products.Where(p => p.InFeed).Select(p => p.ExternalId).OrderBy(id => id).ToListAsync()));
        Assert.Empty(await factory.InMerchantAsync(demo.Id, db => db.Products.Where(p => p.ExternalId.StartsWith("GZ-")).ToListAsync()));

        // A gzip file within both limits is unpacked and imported.
        using var small = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(small, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("id,title,link,price,availability\nGZ-1,Packed boot,https://shop.example/gz-1,59.00 GBP,in_stock\n"));
        }

        using var fits = new MultipartFormDataContent { { new ByteArrayContent(small.ToArray()), "file", "catalogue.csv.gz" } };
        using var imported = await admin.PostAsync("/api/v1/products/imports", fits);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(["GZ-1"], await factory.InMerchantAsync(demo.Id, db => db.Products.Where(p => p.InFeed).Select(p => p.ExternalId).ToListAsync()));
    }
}
