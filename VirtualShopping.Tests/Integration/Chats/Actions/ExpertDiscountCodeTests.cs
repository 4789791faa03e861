using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Tests.Integration.Chats.Actions;

/// <summary>Discount codes in the Store App: the usable ones listed, one sent as a message both sides get, refusals for others.</summary>
public sealed class ExpertDiscountCodeTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task The_expert_sends_a_code_and_the_shopper_gets_it_with_its_apply_link_and_a_plain_text()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var codes = await AddCodesAsync(world.MerchantId);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var offered = (await chat.Expert.Api.GetJsonAsync<List<DiscountCodeRow>>("/api/v1/expert/discount-codes"))!;
        Assert.Equal(["FREEDELIVERY", "SAVE10"], offered.Select(c => c.Code));

        var sent = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"discount-codes/{codes.Save10}"), null);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = (await sent.Content.ReadAsync<MessageView>())!;
        Assert.Equal(MessageKind.Discount, message.Kind);
        Assert.Equal("Discount code SAVE10: 10% off your first order (valid until 31 Dec 2099)", message.Text);
        var shopperSaw = (await ActionScenario.ShopperMessagesUntilAsync(chat.ShopperHub, message.Text))[^1];
        Assert.Equal(new DiscountView("SAVE10", "10% off your first order", "https://shop.example/discount/SAVE10?ref=chat", new DateOnly(2099, 12, 31)), shopperSaw.Discount);
        var shopperMessages = (await chat.Shopper.GetJsonAsync<List<MessageView>>(chat.ShopperUrl("messages?after=0")))!;
        Assert.Contains(shopperMessages, m => m.Kind == MessageKind.Discount && m.Discount?.Code == "SAVE10");

        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.SingleAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Discount));
        using var data = JsonDocument.Parse(stored.Data!);
        Assert.Equal("SAVE10", data.RootElement.GetProperty("code").GetString());
        Assert.Equal("2099-12-31", data.RootElement.GetProperty("validUntil").GetString());
    }

    [Fact]
    public async Task A_code_without_an_apply_link_or_end_date_carries_neither()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var codes = await AddCodesAsync(world.MerchantId);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var sent = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"discount-codes/{codes.FreeDelivery}"), null);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var json = await sent.Content.ReadAsStringAsync();
        using var view = JsonDocument.Parse(json);
        var discount = view.RootElement.GetProperty("discount");
        Assert.False(discount.TryGetProperty("applyUrl", out _));
        Assert.False(discount.TryGetProperty("validUntil", out _));
        Assert.Equal("Discount code FREEDELIVERY: Free delivery", view.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Expired_archived_unknown_and_other_merchants_codes_are_refused_and_nothing_is_sent()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var codes = await AddCodesAsync(world.MerchantId);
        var rival = await RoutingScenario.WorldAsync(factory, 1);
        var rivalCodes = await AddCodesAsync(rival.MerchantId);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var expired = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"discount-codes/{codes.Expired}"), null);
        var archived = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"discount-codes/{codes.Archived}"), null);
        var unknown = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"discount-codes/{Guid.NewGuid()}"), null);
        var otherMerchants = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"discount-codes/{rivalCodes.Save10}"), null);

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("OLD5 expired after 31 Jan 2000 and can no longer be sent.", Assert.Single((await expired.Content.ReadAsync<ValidationProblemDetails>())!.Errors["codeId"]));
        Assert.Equal(HttpStatusCode.BadRequest, archived.StatusCode);
        Assert.Contains("archived", Assert.Single((await archived.Content.ReadAsync<ValidationProblemDetails>())!.Errors["codeId"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherMerchants.StatusCode);
        Assert.False(await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.AnyAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Discount)));
    }

    [Fact]
    public async Task An_expert_who_does_not_hold_the_chat_cannot_send_a_code_in_it()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        var codes = await AddCodesAsync(world.MerchantId);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var (other, _) = await ChatClients.ExpertAsync(factory, world.Experts[1].Email);

        var sent = await other.PostAsync(chat.ExpertUrl($"discount-codes/{codes.Save10}"), null);

        Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        Assert.False(await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.AnyAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Discount)));
    }

    [Fact]
    public void The_transcript_carries_the_codes_plain_text()
    {
        var chat = new Chat { MerchantId = Guid.NewGuid(), ShopperId = Guid.NewGuid(), Language = "en", ShopperEmail = "shopper@example.com", StartedAt = DateTimeOffset.UnixEpoch };
        var discount = new DiscountView("SAVE10", "10% off", "https://shop.example/discount/SAVE10", new DateOnly(2026, 12, 31));
        var message = new ChatMessage
        {
            ChatId = chat.Id, Sequence = 1, Sender = MessageSender.Expert, AuthorName = "Sam", Text = discount.ToText(), SentAt = DateTimeOffset.UnixEpoch,
            Kind = MessageKind.Discount, Data = discount.ToData(),
        };

        var email = TranscriptJob.Compose(chat, "Demo Outfitters", [message]);

        Assert.Contains("Sam: Discount code SAVE10: 10% off (valid until 31 Dec 2026)", email.TextBody, StringComparison.Ordinal);
    }

    private async Task<(Guid Save10, Guid FreeDelivery, Guid Expired, Guid Archived)> AddCodesAsync(Guid merchantId)
    {
        var now = DateTimeOffset.UtcNow;
        DiscountCode Code(string code, string description, DateOnly? until = null, string? pattern = null, DateTimeOffset? archived = null) => new()
        {
            MerchantId = merchantId, Code = code, Description = description, ValidUntil = until, ApplyUrlPattern = pattern, CreatedAt = now, UpdatedAt = now, ArchivedAt = archived,
        };
        var save10 = Code("SAVE10", "10% off your first order", new DateOnly(2099, 12, 31), "https://shop.example/discount/{code}?ref=chat");
        var free = Code("FREEDELIVERY", "Free delivery");
        var expired = Code("OLD5", "5% off", new DateOnly(2000, 1, 31));
        var archived = Code("GONE20", "20% off", archived: now);
        await factory.InMerchantAsync(merchantId, db =>
        {
            db.DiscountCodes.AddRange(save10, free, expired, archived);
            return db.SaveChangesAsync();
        });
        return (save10.Id, free.Id, expired.Id, archived.Id);
    }
}
