using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Domain.Products;

public sealed class ShareLinkDestinationTests
{
    private const string Token = "Ab3dEf6hJk9m";

    [Fact]
    public void A_plain_product_link_gets_the_four_campaign_parameters() =>
        Assert.Equal(
            "https://shop.example/p/trail-runner?utm_source=virtualshopping&utm_medium=sms&utm_campaign=expert_share&utm_content=Ab3dEf6hJk9m",
            ShareLinkDestination.For("https://shop.example/p/trail-runner", ShareChannel.Sms, Token));

    [Fact]
    public void The_links_own_query_and_fragment_are_kept() =>
        Assert.Equal(
            "https://shop.example/p/trail-runner?colour=grey&size=41.5&utm_source=virtualshopping&utm_medium=chat&utm_campaign=expert_share&utm_content=Ab3dEf6hJk9m#reviews",
            ShareLinkDestination.For("https://shop.example/p/trail-runner?colour=grey&size=41.5#reviews", ShareChannel.Chat, Token));

    [Fact]
    public void Utm_parameters_the_link_already_has_are_replaced_not_repeated() =>
        Assert.Equal(
            "https://shop.example/p/1?variant=7&utm_source=virtualshopping&utm_medium=qr&utm_campaign=expert_share&utm_content=Ab3dEf6hJk9m",
            ShareLinkDestination.For("https://shop.example/p/1?utm_source=google&variant=7&UTM_Medium=cpc&utm_campaign=feed&utm_term=shoes", ShareChannel.Qr, Token));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/p/relative")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://shop.example/p/1")]
    public void A_link_that_is_not_an_absolute_web_address_has_no_destination(string? link) =>
        Assert.Null(ShareLinkDestination.For(link, ShareChannel.Link, Token));
}
