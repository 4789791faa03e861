namespace VirtualShopping.Web.Features.DemoShop;

/// <summary>What a demo product looks like on its illustration.</summary>
public enum ProductArt
{
    Shoe,
    Boot,
    Tent,
    Coat,
    Jacket,
    Shirt,
    Dress,
    Rucksack,
    Trousers,
    Knit,
}

/// <summary>One product of the demo shop.</summary>
public sealed record DemoProduct(
    string Id,
    string Slug,
    string Name,
    string Brand,
    string Category,
    decimal Price,
    string Description,
    IReadOnlyList<string> Variants,
    ProductArt Art,
    string Colour);

/// <summary>Demo Outfitters' small catalogue: clothing, footwear and outdoor gear, priced in pounds as the merchant is.</summary>
public static class DemoCatalog
{
    public const string Currency = "GBP";

    private static readonly string[] UkShoeSizes = ["UK 4", "UK 5", "UK 6", "UK 7", "UK 8", "UK 9", "UK 10", "UK 11"];
    private static readonly string[] ClothingSizes = ["XS", "S", "M", "L", "XL"];

    public static readonly IReadOnlyList<DemoProduct> Products =
    [
        new("DO-1001", "trail-runner-gtx", "Trail Runner GTX", "Northpeak", "Footwear", 119.00m,
            "A light, waterproof trail shoe with a grippy lugged sole for muddy paths and wet pavements alike.", UkShoeSizes, ProductArt.Shoe, "#1f6f8b"),
        new("DO-1002", "heritage-leather-boots", "Heritage Leather Boots", "Caldwell & Sons", "Footwear", 165.00m,
            "Goodyear-welted full-grain leather boots that get better with every winter. Resoleable.", UkShoeSizes, ProductArt.Boot, "#7a4a24"),
        new("DO-2001", "summit-2-tent", "Summit 2 Tent", "Fellcraft", "Outdoor gear", 249.00m,
            "A two-person, three-season tunnel tent that pitches in five minutes and packs to the size of a loaf.", ["Green", "Orange"], ProductArt.Tent, "#3d7a3a"),
        new("DO-2002", "alpine-35-rucksack", "Alpine 35 Rucksack", "Fellcraft", "Outdoor gear", 95.00m,
            "A 35-litre day pack with a ventilated back, hip belt pockets and a rain cover in the lid.", ["Slate", "Red"], ProductArt.Rucksack, "#b23a2e"),
        new("DO-2003", "merino-base-layer", "Merino Base Layer", "Northpeak", "Outdoor gear", 59.00m,
            "Soft 200 g merino wool that keeps you warm when wet and fresh for days on the trail.", ClothingSizes, ProductArt.Knit, "#44546a"),
        new("DO-3001", "harbour-wool-coat", "Harbour Wool Coat", "Demo Outfitters", "Womenswear", 189.00m,
            "A tailored single-breasted coat in recycled wool, fully lined, with deep pockets.", ["6", "8", "10", "12", "14", "16"], ProductArt.Coat, "#6b6f75"),
        new("DO-3002", "linen-summer-dress", "Linen Summer Dress", "Demo Outfitters", "Womenswear", 79.00m,
            "A relaxed midi dress in washed European linen with a tie waist and side pockets.", ["6", "8", "10", "12", "14", "16"], ProductArt.Dress, "#c98b3f"),
        new("DO-4001", "fjord-down-jacket", "Fjord Down Jacket", "Northpeak", "Menswear", 229.00m,
            "Responsibly sourced 700-fill down in a water-repellent shell; packs into its own pocket.", ["S", "M", "L", "XL", "XXL"], ProductArt.Jacket, "#1d3557"),
        new("DO-4002", "oxford-cotton-shirt", "Oxford Cotton Shirt", "Demo Outfitters", "Menswear", 49.00m,
            "A button-down Oxford shirt in organic cotton, cut for a regular fit.", ["S", "M", "L", "XL", "XXL"], ProductArt.Shirt, "#8fb3d9"),
        new("DO-4003", "waterproof-trail-trousers", "Waterproof Trail Trousers", "Northpeak", "Menswear", 85.00m,
            "Three-layer waterproof, breathable over-trousers with full-length side zips.", ["S", "M", "L", "XL"], ProductArt.Trousers, "#2f3e46"),
    ];

    public static DemoProduct? Find(string slug) => Products.FirstOrDefault(p => p.Slug == slug);
}
