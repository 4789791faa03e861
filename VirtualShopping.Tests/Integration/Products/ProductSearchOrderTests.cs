using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Integration.Chats.Actions;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>
/// The picker's order over a catalogue where a term is common (in more than <see cref="ProductPicker.CommonTerm"/> products,
/// read in index order on SQLite) and where it is rare (ranked in the trigram index), checked against the rule applied in memory.
/// </summary>
public sealed class ProductSearchOrderTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task Common_and_rare_terms_rank_exact_ids_and_gtins_then_favourites_then_in_feed_then_title()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        var m = world.MerchantId;
        var products = new List<Product>();
        for (var i = 0; i < ProductPicker.CommonTerm + 100; i++)
        {
            products.Add(TestProducts.New(m, $"TB-{i:D4}", $"Trail Boot {(i * 7919) % 2000:D4}", "Northfell", gtin: $"50600{i:D8}", inFeed: i % 10 != 3));
        }

        products.Add(TestProducts.New(m, "Boot", "Zebra Lantern", "Skerry"));
        products.Add(TestProducts.New(m, "GT-1", "Yak Wool Hat", "Skerry", gtin: "50600"));
        products.Add(TestProducts.New(m, "AB-1", "Alpine Boot", "Skerry", inFeed: false));
        products.Add(TestProducts.New(m, "CT-1", "Canvas Tent", "Skerry"));
        products.Add(TestProducts.New(m, "RB-1", "Rare Blue Boot", "Skerry"));
        products.Add(TestProducts.New(m, "RB-2", "Rare Boot", "Skerry", inFeed: false));
        await factory.InMerchantAsync(m, db =>
        {
            db.Products.AddRange(products);
            return db.SaveChangesAsync();
        });
        var byId = products.ToDictionary(p => p.ExternalId);
        HashSet<string> starred = ["TB-0999", "CT-1", "RB-2", "TB-0003"];
        foreach (var id in starred)
        {
            await ActionScenario.InMerchantAsync<ProductPicker, bool>(factory, m, p => p.SetFavouriteAsync(world.Experts[0].Id, byId[id].Id, true));
        }

        foreach (var term in new[] { "Boot", "boot", "50600", "TB-0", "rare", "rare boot", "trail boot 19", "Skerry" })
        {
            var digits = term.All(char.IsAsciiDigit);
            var expected = products
                .Where(p => Contains(p.Title, term) || Contains(p.Brand, term) || Contains(p.ExternalId, term) || (digits && Contains(p.Gtin, term)))
                .OrderByDescending(p => p.ExternalId == term || (digits && p.Gtin == term)).ThenByDescending(p => starred.Contains(p.ExternalId))
                .ThenByDescending(p => p.InFeed).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.ExternalId, StringComparer.Ordinal)
                .Take(ProductPicker.MaxTake).Select(p => p.ExternalId).ToList();

            var found = await ActionScenario.InMerchantAsync<ProductPicker, IReadOnlyList<PickerProduct>>(
                factory, m, p => p.SearchAsync(world.Experts[0].Id, term, ProductPicker.MaxTake));

            Assert.Equal(expected, found.Select(p => p.ExternalId));
            Assert.Equal(found.Select(p => starred.Contains(p.ExternalId)), found.Select(p => p.IsFavourite));
        }

        Assert.Equal("Boot", (await ActionScenario.InMerchantAsync<ProductPicker, IReadOnlyList<PickerProduct>>(factory, m, p => p.SearchAsync(world.Experts[0].Id, "Boot")))[0].ExternalId);
        Assert.Equal("GT-1", (await ActionScenario.InMerchantAsync<ProductPicker, IReadOnlyList<PickerProduct>>(factory, m, p => p.SearchAsync(world.Experts[0].Id, "50600")))[0].ExternalId);
    }

    private static bool Contains(string? value, string term) => value is not null && value.Contains(term, StringComparison.OrdinalIgnoreCase);
}
