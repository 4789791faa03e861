using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Integration.Chats.Actions;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>The product picker's search and favourites over a real SQLite file: each field, the order, per-expert stars, tenancy, bounds.</summary>
public sealed class ProductPickerTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private async Task<(RoutingWorld World, Dictionary<string, Guid> Ids)> CatalogAsync(int experts = 2)
    {
        var world = await RoutingScenario.WorldAsync(factory, experts);
        var m = world.MerchantId;
        Product[] products =
        [
            TestProducts.New(m, "TRB-42", "Ridgeline Hiking Boot", "Northfell", 159m, gtin: "5060123456021", color: "Brown", size: "42"),
            TestProducts.New(m, "TRB-43", "Ridgeline Hiking Boot", "Northfell", 159m, color: "Brown", size: "43"),
            TestProducts.New(m, "DPJ-NAV", "Cairn Down Jacket", "Fellstride", 189m, sale: 149m, color: "Navy"),
            TestProducts.New(m, "TNT-S2", "Summit 2 Tent", "Skerry", 299m, sale: 320m, image: "http://img.example/tent.jpg"),
            TestProducts.New(m, "OLD-1", "Alpine Lantern", "Skerry", 19m, inFeed: false),
            TestProducts.New(m, "BOOT", "Zebra Lantern", "Skerry", 25m),
            TestProducts.New(m, "50%_OFF", "Percent Cap", "Fellstride", 9.5m),
        ];
        await factory.InMerchantAsync(m, db =>
        {
            db.Products.AddRange(products);
            return db.SaveChangesAsync();
        });
        return (world, products.ToDictionary(p => p.ExternalId, p => p.Id));
    }

    private Task<IReadOnlyList<PickerProduct>> SearchAsync(RoutingWorld world, int expert, string? term, int take = ProductPicker.DefaultTake) =>
        ActionScenario.InMerchantAsync<ProductPicker, IReadOnlyList<PickerProduct>>(factory, world.MerchantId, p => p.SearchAsync(world.Experts[expert].Id, term, take));

    private Task<bool> StarAsync(RoutingWorld world, int expert, Guid productId, bool favourite = true) =>
        ActionScenario.InMerchantAsync<ProductPicker, bool>(factory, world.MerchantId, p => p.SetFavouriteAsync(world.Experts[expert].Id, productId, favourite));

    [Fact]
    public async Task Search_matches_title_brand_gtin_and_feed_id_case_insensitively_with_typed_wildcards_literal()
    {
        var (world, _) = await CatalogAsync();

        Assert.Equal(["DPJ-NAV"], (await SearchAsync(world, 0, "  down JACK ")).Select(p => p.ExternalId));
        Assert.Equal(["TRB-42", "TRB-43"], (await SearchAsync(world, 0, "northfell")).Select(p => p.ExternalId));
        Assert.Equal(["TRB-42"], (await SearchAsync(world, 0, "50601234")).Select(p => p.ExternalId));
        Assert.Equal(["DPJ-NAV"], (await SearchAsync(world, 0, "dpj-")).Select(p => p.ExternalId));
        Assert.Equal(["50%_OFF"], (await SearchAsync(world, 0, "50%_")).Select(p => p.ExternalId));
        Assert.Empty(await SearchAsync(world, 0, "kayak"));
    }

    [Fact]
    public async Task An_exact_feed_id_or_gtin_ranks_first_and_products_no_longer_in_the_feed_come_after_the_others()
    {
        var (world, _) = await CatalogAsync();

        // "boot" is the id of the Zebra Lantern (exact, so first), and in the title of both Ridgeline boots.
        Assert.Equal(["BOOT", "TRB-42", "TRB-43"], (await SearchAsync(world, 0, "BOOT")).Select(p => p.ExternalId));
        Assert.Equal("TRB-42", (await SearchAsync(world, 0, "5060123456021"))[0].ExternalId);
        // Alpine Lantern sorts first by title but is no longer in the feed: after the Zebra Lantern, and out of stock.
        var lanterns = await SearchAsync(world, 0, "lantern");
        Assert.Equal(["Zebra Lantern", "Alpine Lantern"], lanterns.Select(p => p.Title));
        Assert.Equal(ProductAvailability.OutOfStock, lanterns[1].Availability);
    }

    [Fact]
    public async Task The_card_fields_are_what_a_shopper_may_see_a_lower_sale_price_and_https_images_only()
    {
        var (world, _) = await CatalogAsync();

        var jacket = Assert.Single(await SearchAsync(world, 0, "jacket"));
        Assert.Equal(("Navy", 189m, (decimal?)149m, "GBP", "https://img.example/DPJ-NAV.jpg"), (jacket.Variant, jacket.Price, jacket.SalePrice, jacket.Currency, jacket.ImageUrl));
        var tent = Assert.Single(await SearchAsync(world, 0, "tent"));
        Assert.Null(tent.SalePrice); // 320 is not a sale of 299
        Assert.Null(tent.ImageUrl); // http only
        Assert.Equal("Brown, 42", (await SearchAsync(world, 0, "TRB-42"))[0].Variant);
    }

    [Fact]
    public async Task An_experts_favourites_come_first_for_them_only_and_starring_is_idempotent()
    {
        var (world, ids) = await CatalogAsync();

        Assert.True(await StarAsync(world, 0, ids["TNT-S2"]));
        Assert.True(await StarAsync(world, 0, ids["TNT-S2"]));
        Assert.True(await StarAsync(world, 0, ids["TRB-43"]));

        var mine = await SearchAsync(world, 0, null);
        Assert.Equal(["Ridgeline Hiking Boot", "Summit 2 Tent", "Cairn Down Jacket", "Percent Cap", "Ridgeline Hiking Boot", "Zebra Lantern", "Alpine Lantern"], mine.Select(p => p.Title));
        Assert.Equal([true, true, false, false, false, false, false], mine.Select(p => p.IsFavourite));
        Assert.Equal("TRB-43", mine[0].ExternalId);
        Assert.Equal(["TRB-43", "TRB-42"], (await SearchAsync(world, 0, "ridgeline")).Select(p => p.ExternalId));

        var theirs = await SearchAsync(world, 1, "   ");
        Assert.Equal(["Cairn Down Jacket", "Percent Cap", "Ridgeline Hiking Boot", "Ridgeline Hiking Boot", "Summit 2 Tent", "Zebra Lantern", "Alpine Lantern"], theirs.Select(p => p.Title));
        Assert.All(theirs, p => Assert.False(p.IsFavourite));
        Assert.Equal(["TRB-42", "TRB-43"], (await SearchAsync(world, 1, "ridgeline")).Select(p => p.ExternalId));
        Assert.Equal(2, await factory.InMerchantAsync(world.MerchantId, db => db.ProductFavourites.CountAsync()));

        Assert.True(await StarAsync(world, 0, ids["TNT-S2"], false));
        Assert.True(await StarAsync(world, 0, ids["TNT-S2"], false));
        Assert.Equal(["TRB-43"], (await SearchAsync(world, 0, null)).Where(p => p.IsFavourite).Select(p => p.ExternalId));
    }

    [Fact]
    public async Task Another_merchants_products_are_never_found_nor_starred()
    {
        var (world, _) = await CatalogAsync();
        var (rival, rivalIds) = await CatalogAsync();
        await factory.InMerchantAsync(rival.MerchantId, db =>
        {
            db.Products.Add(TestProducts.New(rival.MerchantId, "RIVAL-1", "Rival Kayak"));
            return db.SaveChangesAsync();
        });

        Assert.Empty(await SearchAsync(world, 0, "kayak"));
        Assert.DoesNotContain(await SearchAsync(world, 0, null, 50), p => rivalIds.ContainsValue(p.Id));
        Assert.False(await StarAsync(world, 0, rivalIds["TNT-S2"]));
        Assert.False(await StarAsync(world, 0, Guid.NewGuid()));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ProductFavourites.CountAsync()));
        Assert.Equal(0, await factory.InMerchantAsync(rival.MerchantId, db => db.ProductFavourites.CountAsync()));
    }

    [Fact]
    public async Task A_term_over_100_characters_and_a_take_outside_1_to_50_are_refused_and_take_limits_the_list()
    {
        var (world, _) = await CatalogAsync();

        Assert.Equal(3, (await SearchAsync(world, 0, null, 3)).Count);
        Assert.Single(await SearchAsync(world, 0, "  " + "jacket" + new string(' ', 100)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SearchAsync(world, 0, new string('x', 101)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SearchAsync(world, 0, null, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SearchAsync(world, 0, null, 51));
        Assert.Equal(["q"], ProductPicker.Problems(new string('x', 101), 20)!.Keys);
        Assert.Equal(["take"], ProductPicker.Problems("x", 51)!.Keys);
        Assert.Null(ProductPicker.Problems(new string('x', 100), 50));
    }
}
