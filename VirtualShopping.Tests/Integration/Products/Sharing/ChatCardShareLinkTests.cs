using System.Net;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Integration.Chats.Actions;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products.Sharing;

/// <summary>The link on a product card sent in a chat: opening it credits the chat's expert, store and shopper.</summary>
public sealed class ChatCardShareLinkTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task Opening_a_product_card_sent_in_a_chat_credits_the_chats_expert_store_and_shopper()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var product = await ShareData.ProductAsync(factory, world.MerchantId, "https://routing-shop.example/products/trail-runner-2?colour=grey");
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var card = await SendCardAsync(world, chat.Id, product.Id);
        var token = card.Url[(card.Url.LastIndexOf('/') + 1)..];
        factory.Clock.Advance(TimeSpan.FromHours(2));

        var opened = await factory.CreateAnonymousClient().GetAsync(new Uri(card.Url).PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(
            $"https://routing-shop.example/products/trail-runner-2?colour=grey&utm_source=virtualshopping&utm_medium=chat&utm_campaign=expert_share&utm_content={token}",
            opened.Headers.Location?.OriginalString);
        var share = await factory.InMerchantAsync(world.MerchantId, db => db.ProductShares.AsNoTracking().SingleAsync(s => s.Token == token));
        var click = Assert.Single(await ShareData.ClicksAsync(factory, world.MerchantId, share.Id));
        var chatRow = await factory.InMerchantAsync(world.MerchantId, db => db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id));
        Assert.Equal(
            (product.Id, world.Experts[0].Id, chatRow.StoreId, (Guid?)chatRow.ShopperId, factory.Clock.GetUtcNow(), ShareChannel.Chat),
            (click.ProductId, click.StaffMemberId, click.StoreId, click.ShopperId, click.ClickedAt, share.Channel));
        Assert.NotNull(click.StoreId);
        Assert.NotNull(click.BrowserId);
    }

    [Fact]
    public async Task A_signed_in_staff_member_opening_a_card_from_the_inbox_reaches_the_product_without_counting_as_a_click()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var product = await ShareData.ProductAsync(factory, world.MerchantId, "https://routing-shop.example/products/trail-runner-2");
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var path = new Uri((await SendCardAsync(world, chat.Id, product.Id)).Url).PathAndQuery;
        var share = await factory.InMerchantAsync(world.MerchantId, db => db.ProductShares.AsNoTracking().SingleAsync(s => s.ChatId == chat.Id));

        var staff = await factory.SignInAsync(Web.Features.Demo.DemoMerchantSeeder.ExpertEmail);
        var byStaff = await staff.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, byStaff.StatusCode);
        Assert.StartsWith("https://routing-shop.example/products/trail-runner-2?utm_source=virtualshopping", byStaff.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(byStaff.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("vs_browser=", StringComparison.Ordinal));
        Assert.Empty(await ShareData.ClicksAsync(factory, world.MerchantId, share.Id));

        var byShopper = await factory.CreateAnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, byShopper.StatusCode);
        Assert.Single(await ShareData.ClicksAsync(factory, world.MerchantId, share.Id));
    }

    /// <summary>The chat's expert sends the product as a card; its view, with the share link.</summary>
    private async Task<ProductCardView> SendCardAsync(RoutingWorld world, Guid chatId, Guid productId)
    {
        var outcome = await ActionScenario.InMerchantAsync<ChatProducts, ChatActionOutcome<MessageView>>(
            factory, world.MerchantId, products => products.SendAsync(world.Experts[0].Id, world.Experts[0].Name, chatId, productId, null, false));
        return outcome.Value!.Product!;
    }
}
