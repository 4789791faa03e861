using System.Text;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>
/// SQLite's product search index (FTS5 trigram table kept by triggers, migration ProductSearchFts) through the real importer's
/// set-based writes: the picker finds what the feed says now, never what it said before, and only the merchant's own products.
/// </summary>
public sealed class ProductSearchIndexTests : IAsyncLifetime
{
    private const string Header = "id,title,link,price,availability,brand,gtin\n";

    private readonly Guid expert = Guid.NewGuid();
    private ProductCatalogDatabase world = null!;
    private Guid shop;
    private Guid other;

    public async ValueTask InitializeAsync()
    {
        world = await ProductCatalogDatabase.CreateAsync();
        shop = await world.AddMerchantAsync("Outfitters");
        other = await world.AddMerchantAsync("Rival");
    }

    public ValueTask DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_re_import_with_changed_titles_and_removed_products_is_what_the_search_finds()
    {
        await world.ImportAsync(shop, Csv(
            Row("TRB-42", "Ridgeline Hiking Boot", "Northfell", "5060123456021"),
            Row("DPJ-NAV", "Cairn Down Jacket", "Fellstride", null),
            Row("TNT-S2", "Summit Tent", "Skerry", null)));
        await world.ImportAsync(other, Csv(Row("RIV-1", "Rival Hiking Jacket", "Northfell", "5060123456021")));

        Assert.Equal(["TRB-42"], await SearchAsync(shop, "HIKING"));
        Assert.Equal(["TRB-42"], await SearchAsync(shop, "0601234"));
        Assert.Equal(["DPJ-NAV"], await SearchAsync(shop, "down jack"));

        // The boot is renamed, the jacket leaves the feed (kept, no longer in it), a new jacket arrives.
        await world.ImportAsync(shop, Csv(
            Row("TRB-42", "Granite Trail Shoe", "Northfell", "5060123456021"),
            Row("TNT-S2", "Summit Tent", "Skerry", null),
            Row("ALP-J", "Storm Jacket", "Skerry", null)));

        Assert.Empty(await SearchAsync(shop, "hiking"));
        Assert.Equal(["TRB-42"], await SearchAsync(shop, "trail shoe"));
        Assert.Equal(["ALP-J", "DPJ-NAV"], await SearchAsync(shop, "jacket"));
        Assert.Equal(["ALP-J", "TNT-S2"], await SearchAsync(shop, "skerry"));
        Assert.Equal(["RIV-1"], await SearchAsync(other, "hiking"));

        // The down jacket comes back: in the feed again, so by title before the other jacket; the tent leaves.
        await world.ImportAsync(shop, Csv(
            Row("TRB-42", "Granite Trail Shoe", "Northfell", "5060123456021"),
            Row("DPJ-NAV", "Cairn Down Jacket", "Fellstride", null),
            Row("ALP-J", "Storm Jacket", "Skerry", null)));

        Assert.Equal(["DPJ-NAV", "ALP-J"], await SearchAsync(shop, "jacket"));
        Assert.Equal(["TNT-S2"], await SearchAsync(shop, "summit"));
        Assert.Equal(await IndexedAsync(), await ProductRowsAsync());
    }

    [Fact]
    public async Task The_index_follows_products_row_for_row_and_a_deleted_product_leaves_it()
    {
        await world.ImportAsync(shop, Csv(Row("A-1", "Storm Fleece", "Bracken", null), Row("A-2", "Storm Beanie", "Bracken", null)));
        await world.ImportAsync(other, Csv(Row("B-1", "Storm Gloves", "Bracken", null)));
        Assert.Equal(await ProductRowsAsync(), await IndexedAsync());

        await using (var scope = world.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(shop);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            await db.Products.Where(p => p.ExternalId == "A-2").ExecuteDeleteAsync();
        }

        Assert.Equal(await ProductRowsAsync(), await IndexedAsync());
        Assert.Equal(["A-1"], await SearchAsync(shop, "storm"));
    }

    [Fact]
    public async Task Quotes_and_search_syntax_in_a_term_are_plain_text()
    {
        await world.ImportAsync(shop, Csv(Row("Q-1", "The \"\"Classic\"\" Boot", "Acme", null), Row("Q-2", "Boot OR Shoe", "Acme", null)));

        Assert.Equal(["Q-1"], await SearchAsync(shop, "\"classic\""));
        Assert.Equal(["Q-2"], await SearchAsync(shop, "boot or shoe"));
        Assert.Empty(await SearchAsync(shop, "boot\" OR \"shoe"));
        Assert.Empty(await SearchAsync(shop, "NEAR(boot shoe)"));
        Assert.Empty(await SearchAsync(shop, "{Title} : boot*"));
    }

    private async Task<List<string>> SearchAsync(Guid merchantId, string term)
    {
        await using var scope = world.Services.CreateAsyncScope();
        var merchant = scope.ServiceProvider.GetRequiredService<MerchantScope>();
        merchant.Use(merchantId);
        var picker = new ProductPicker(scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>(), merchant, world.Clock);
        return [.. (await picker.SearchAsync(expert, term)).Select(p => p.ExternalId)];
    }

    /// <summary>Every product row as the index holds it: id, merchant, in the feed, title, brand, GTIN, feed id.</summary>
    private Task<List<string>> IndexedAsync() => RowsAsync(
        """SELECT "ProductId" || '|' || "MerchantId" || '|' || "InFeed" || '|' || "Title" || '|' || coalesce("Brand", '') || '|' || coalesce("Gtin", '') || '|' || "ExternalId" AS "Value" FROM "ProductSearchFts" ORDER BY 1""");

    private Task<List<string>> ProductRowsAsync() => RowsAsync(
        """SELECT "Id" || '|' || "MerchantId" || '|' || "InFeed" || '|' || "Title" || '|' || coalesce("Brand", '') || '|' || coalesce("Gtin", '') || '|' || "ExternalId" AS "Value" FROM "Products" ORDER BY 1""");

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var scope = world.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }

    private static string Row(string id, string title, string brand, string? gtin) => $"{id},\"{title}\",https://shop.example/{id},10.00 EUR,in_stock,{brand},{gtin}\n";

    private static MemoryStream Csv(params string[] rows) => new(Encoding.UTF8.GetBytes(Header + string.Concat(rows)));
}
