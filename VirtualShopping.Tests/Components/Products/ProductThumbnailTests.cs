using Bunit;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products.Pages;

namespace VirtualShopping.Tests.Components.Products;

/// <summary>A product image that is missing, not https or fails to load shows a placeholder, never a broken-image icon.</summary>
public sealed class ProductThumbnailTests : DashboardTestContext
{
    [Fact]
    public void An_https_image_is_shown_and_replaced_by_a_placeholder_when_it_fails_to_load()
    {
        var thumbnail = Render<ProductThumbnail>(p => p.Add(t => t.Src, "https://img.example/boot.jpg").Add(t => t.Alt, "Ridgeline boot"));
        Assert.Equal("https://img.example/boot.jpg", thumbnail.Find("[data-testid=product-image]").GetAttribute("src"));

        thumbnail.Find("[data-testid=product-image]").TriggerEvent("onerror", new Microsoft.AspNetCore.Components.Web.ErrorEventArgs());

        Assert.Empty(thumbnail.FindAll("[data-testid=product-image]"));
        Assert.Equal("Ridgeline boot: no image", thumbnail.Find("[data-testid=product-image-placeholder]").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://img.example/boot.jpg")]
    public void No_image_or_one_not_over_https_shows_the_placeholder(string? src)
    {
        var thumbnail = Render<ProductThumbnail>(p => p.Add(t => t.Src, src));

        Assert.Empty(thumbnail.FindAll("img"));
        Assert.Equal("No image", thumbnail.Find("[data-testid=product-image-placeholder]").GetAttribute("aria-label"));
    }
}
