using VirtualShopping.Domain.Products;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

public sealed class ProductCardViewTests
{
    private const string Link = "https://chat.example/p/Ab3dEf6hJk9m";

    private static Product Shoe(decimal price = 119m, decimal? sale = 89m, string? image = "https://cdn.example/shoe.jpg", bool inFeed = true) => new()
    {
        ExternalId = "TR2-GREY-415",
        Title = "Trail Runner 2",
        Link = "https://shop.example/trail-runner-2",
        ImageLink = image,
        Price = price,
        SalePrice = sale,
        Currency = "GBP",
        Availability = ProductAvailability.InStock,
        Brand = "Northpeak",
        Color = "Grey",
        Size = "41.5",
        ContentHash = "x",
        InFeed = inFeed,
    };

    [Fact]
    public void A_card_reads_as_one_plain_line_with_the_sale_price_shown_as_a_sale()
    {
        var card = ProductCardView.Of(Shoe(), Link);

        Assert.Equal("Trail Runner 2 (Grey, 41.5): 89.00 GBP (sale, was 119.00 GBP), in stock https://chat.example/p/Ab3dEf6hJk9m", card.ToText());
    }

    [Fact]
    public void A_sale_price_that_is_not_lower_is_not_a_sale_and_an_image_that_is_not_https_is_left_out()
    {
        var card = ProductCardView.Of(Shoe(price: 89m, sale: 89m, image: "http://cdn.example/shoe.jpg"), Link);

        Assert.Null(card.SalePrice);
        Assert.Null(card.ImageUrl);
        Assert.Equal("Trail Runner 2 (Grey, 41.5): 89.00 GBP, in stock https://chat.example/p/Ab3dEf6hJk9m", card.ToText());
    }

    [Fact]
    public void A_product_no_longer_in_the_feed_is_sent_as_out_of_stock_and_survives_the_round_trip_through_the_message()
    {
        var card = ProductCardView.Of(Shoe(inFeed: false), Link);

        var read = ProductCardView.Read(card.ToData());

        Assert.Equal(ProductAvailability.OutOfStock, read!.Availability);
        Assert.Equal(card, read);
        Assert.Contains("\"availability\":\"OutOfStock\"", card.ToData(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trail Runner 2 (Grey, 41.5): 89.00 GBP, in stock https://chat.example/p/Ab3dEf6hJk9m", "Trail Runner 2 (Grey, 41.5): 89.00 GBP, in stock")]
    [InlineData("Have a look at https://shop.example/p/trail", "Have a look at https://shop.example/p/trail")]
    [InlineData("See https://shop.example/tents", "See https://shop.example/tents")]
    [InlineData("Hello", "Hello")]
    public void The_inbox_preview_of_a_product_card_leaves_out_its_share_link_and_other_texts_are_unchanged(string text, string preview) =>
        Assert.Equal(preview, ProductCardView.PreviewOf(text));
}
