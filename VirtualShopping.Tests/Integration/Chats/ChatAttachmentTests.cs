using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Photos and videos in chats over the real pipeline: checked by content and size while they stream into the
/// attachment storage, numbered and pushed like text, stored once per client message id, served only to the
/// chat's shopper and expert as inert files.
/// </summary>
public sealed class ChatAttachmentTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task A_png_from_the_shopper_reaches_the_expert_who_downloads_exactly_its_bytes()
    {
        await using var chat = await ActiveChatAsync();
        var png = Png(5000);

        var sent = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(png, "boots.png", "image/png", "p-1"));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = (await sent.Content.ReadAsync<MessageView>())!;
        Assert.Equal((MessageKind.Attachment, MessageSender.Shopper, "boots.png", "p-1"), (message.Kind, message.Sender, message.Text, message.ClientMessageId));
        Assert.Equal(("image/png", 5000L, "boots.png"), (message.Attachment!.ContentType, message.Attachment.Length, message.Attachment.FileName));
        Assert.Equal(chat.ShopperUrl($"attachments/{message.Attachment.Id}"), sent.Headers.Location!.OriginalString);

        // Pushed to the expert (and to the shopper's other tabs), and in both sides' message lists.
        var pushed = await NextMessageFromAsync(chat.Expert.Hub, MessageSender.Shopper);
        Assert.Equal((message.Sequence, message.Attachment), (pushed.Sequence, pushed.Attachment));
        Assert.Equal(message.Attachment, (await NextMessageFromAsync(chat.ShopperHub, MessageSender.Shopper)).Attachment);
        var listed = (await chat.Expert.Api.GetJsonAsync<List<MessageView>>(chat.ExpertUrl("messages")))!;
        Assert.Equal(message.Attachment, listed.Single(m => m.Kind == MessageKind.Attachment).Attachment);

        // The expert downloads exactly the bytes, served as an inert PNG.
        var download = await chat.Expert.Api.GetAsync(chat.ExpertUrl($"attachments/{message.Attachment.Id}"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("private", download.Headers.CacheControl!.ToString());
        Assert.Equal("inline", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("boots.png", download.Content.Headers.ContentDisposition.FileNameStar);

        // The bytes are in the attachment storage under the factory's folder, once.
        Assert.Equal(png, await File.ReadAllBytesAsync(Assert.Single(StoredFilesOf(chat.Id))));
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_client_message_id_is_stored_and_pushed_once()
    {
        await using var chat = await ActiveChatAsync();
        var png = Png(2000);

        var first = (await (await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(png, "a.png", "image/png", "retry-1"))).Content.ReadAsync<MessageView>())!;
        var retried = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(png, "a.png", "image/png", "retry-1"));

        Assert.True(retried.IsSuccessStatusCode, retried.StatusCode.ToString());
        var second = (await retried.Content.ReadAsync<MessageView>())!;
        Assert.Equal((first.Sequence, first.Attachment), (second.Sequence, second.Attachment));
        Assert.Equal(1, await factory.InMerchantAsync(chat.World.MerchantId, db => db.ChatAttachments.CountAsync(a => a.ChatId == chat.Id)));
        Assert.Single(StoredFilesOf(chat.Id));

        // The expert got the photo once: the next thing after it is the shopper's text.
        Assert.Equal(first.Sequence, (await NextMessageFromAsync(chat.Expert.Hub, MessageSender.Shopper)).Sequence);
        (await chat.Shopper.PostAsJsonAsync(chat.ShopperUrl("messages"), new { text = "Did it arrive?" })).EnsureSuccessStatusCode();
        Assert.Equal("Did it arrive?", (await NextMessageFromAsync(chat.Expert.Hub, MessageSender.Shopper)).Text);
    }

    [Fact]
    public async Task The_expert_sends_a_jpeg_and_the_shopper_downloads_it()
    {
        await using var chat = await ActiveChatAsync();
        var jpeg = Jpeg(3000);

        var sent = await chat.Expert.Api.PostAsync(chat.ExpertUrl("attachments"), Upload(jpeg, "IMG_0042.JPG", "image/jpeg"));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = (await sent.Content.ReadAsync<MessageView>())!;
        Assert.Equal((MessageSender.Expert, "Expert 01", "IMG_0042.jpg"), (message.Sender, message.AuthorName, message.Text));
        Assert.Equal(message.Attachment, (await NextMessageFromAsync(chat.ShopperHub, MessageSender.Expert)).Attachment);
        var download = await chat.Shopper.GetAsync(chat.ShopperUrl($"attachments/{message.Attachment!.Id}"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(jpeg, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_video_is_served_in_ranges_and_has_a_larger_limit_than_photos()
    {
        await using var chat = await ActiveChatAsync();

        // Eleven megabytes: over the photo limit, within the video limit.
        var mp4 = Mp4((11 * 1024 * 1024) + 5);
        var sent = await chat.Expert.Api.PostAsync(chat.ExpertUrl("attachments"), Upload(mp4, "fitting.mov", "application/octet-stream"));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = (await sent.Content.ReadAsync<MessageView>())!;
        Assert.Equal(("video/mp4", "fitting.mp4", (long)mp4.Length), (message.Attachment!.ContentType, message.Attachment.FileName, message.Attachment.Length));
        using var request = new HttpRequestMessage(HttpMethod.Get, chat.ShopperUrl($"attachments/{message.Attachment.Id}"));
        request.Headers.Range = new RangeHeaderValue(4, 11);
        var part = await chat.Shopper.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("ftypisom", Encoding.ASCII.GetString(await part.Content.ReadAsByteArrayAsync()));
        Assert.Equal(mp4.Length, part.Content.Headers.ContentRange!.Length);
    }

    [Fact]
    public async Task Files_that_are_not_photos_or_videos_by_content_are_refused_and_nothing_is_stored()
    {
        await using var chat = await ActiveChatAsync();
        var refused = new (string Name, string Declared, byte[] Content)[]
        {
            ("photo.jpg", "image/jpeg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>fetch('/api/v1/expert/me')</script></body></html>")),
            ("logo.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")),
            ("invoice.jpg", "image/jpeg", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj")),
            ("setup.png", "image/png", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
        };

        foreach (var (name, declared, content) in refused)
        {
            var response = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(content, name, declared));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadAsync<ValidationProblemDetails>())!;
            Assert.Contains("Send a JPEG, PNG, GIF or WebP photo, or an MP4, WebM or QuickTime (MOV) video.", Assert.Single(problem.Errors["file"]), StringComparison.Ordinal);
        }

        var empty = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload([], "empty.png", "image/png"));
        Assert.Equal("The file is empty.", await FileErrorAsync(empty));
        var noFile = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), new MultipartFormDataContent { { new StringContent("x-1"), "clientMessageId" } });
        Assert.Equal("Choose a photo or video to send.", await FileErrorAsync(noFile));
        var json = await chat.Shopper.PostAsJsonAsync(chat.ShopperUrl("attachments"), new { file = "iVBORw0KGgo=" });
        Assert.Equal("Send the photo or video as multipart/form-data, in a field named \"file\".", await FileErrorAsync(json));

        await AssertNothingStoredAsync(chat);
    }

    [Fact]
    public async Task A_photo_over_10_MB_is_refused_naming_the_limit_and_nothing_is_stored()
    {
        await using var chat = await ActiveChatAsync();

        var response = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(Png((10 * 1024 * 1024) + 1), "huge.png", "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The file is too large. Photos can be at most 10 MB.", await FileErrorAsync(response));
        await AssertNothingStoredAsync(chat);
    }

    [Fact]
    public async Task Shoppers_cannot_send_photos_when_the_merchant_switched_it_off_but_experts_still_can()
    {
        await using var chat = await ActiveChatAsync();
        await factory.InMerchantAsync(chat.World.MerchantId, db => db.ChatSettings.ExecuteUpdateAsync(s => s.SetProperty(c => c.PhotoAndVideoSending, false)));

        var refused = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(Png(100), "a.png", "image/png"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("This shop does not take photos or videos in chats. Describe it in a message instead.", (await refused.Content.ReadAsync<ProblemDetails>())!.Detail);
        await AssertNothingStoredAsync(chat);
        var expert = await chat.Expert.Api.PostAsync(chat.ExpertUrl("attachments"), Upload(Png(100), "a.png", "image/png"));
        Assert.Equal(HttpStatusCode.Created, expert.StatusCode);
    }

    [Fact]
    public async Task Only_the_chats_shopper_and_expert_can_send_or_fetch_its_attachments()
    {
        await using var chat = await ActiveChatAsync(experts: 2);
        var message = (await (await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(Png(100), "mine.png", "image/png"))).Content.ReadAsync<MessageView>())!;
        var attachment = $"attachments/{message.Attachment!.Id}";

        // Another shopper of the same shop.
        var (otherShopper, _, _) = await ChatClients.ShopperAsync(factory, chat.World.WidgetKey);
        Assert.Equal(HttpStatusCode.NotFound, (await otherShopper.GetAsync(chat.ShopperUrl(attachment))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherShopper.PostAsync(chat.ShopperUrl("attachments"), Upload(Png(100), "x.png", "image/png"))).StatusCode);

        // Another expert of the same shop, who does not hold the chat.
        var (otherExpert, _) = await ChatClients.ExpertAsync(factory, chat.World.Experts[1].Email);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.GetAsync(chat.ExpertUrl(attachment))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherExpert.PostAsync(chat.ExpertUrl("attachments"), Upload(Png(100), "x.png", "image/png"))).StatusCode);

        // Another merchant: its shopper under its own key, its shopper's session under this key, and its expert.
        var elsewhere = await RoutingScenario.WorldAsync(factory, experts: 1);
        var (foreignShopper, _, _) = await ChatClients.ShopperAsync(factory, elsewhere.WidgetKey);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignShopper.GetAsync($"/api/v1/widget/{elsewhere.WidgetKey}/chats/{chat.Id}/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await foreignShopper.GetAsync(chat.ShopperUrl(attachment))).StatusCode);
        var (foreignExpert, _) = await ChatClients.ExpertAsync(factory, elsewhere.Experts[0].Email);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignExpert.GetAsync(chat.ExpertUrl(attachment))).StatusCode);

        // Nobody signed in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateAnonymousClient().GetAsync(chat.ShopperUrl(attachment))).StatusCode);

        // The chat's own two can.
        Assert.Equal(HttpStatusCode.OK, (await chat.Shopper.GetAsync(chat.ShopperUrl(attachment))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chat.Expert.Api.GetAsync(chat.ExpertUrl(attachment))).StatusCode);
        Assert.Single(StoredFilesOf(chat.Id));
    }

    [Fact]
    public async Task Nothing_can_be_sent_to_an_ended_chat()
    {
        await using var chat = await ActiveChatAsync();
        (await chat.Expert.Api.PostAsync(chat.ExpertUrl("close"), null)).EnsureSuccessStatusCode();

        var shopper = await chat.Shopper.PostAsync(chat.ShopperUrl("attachments"), Upload(Png(100), "late.png", "image/png"));
        var expert = await chat.Expert.Api.PostAsync(chat.ExpertUrl("attachments"), Upload(Png(100), "late.png", "image/png"));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (shopper.StatusCode, expert.StatusCode));
        await AssertNothingStoredAsync(chat);
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string declaredType, string? clientMessageId = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (clientMessageId is not null)
        {
            form.Add(new StringContent(clientMessageId), "clientMessageId");
        }

        return form;
    }

    private static byte[] Png(int length) => WithSignature([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], length);

    private static byte[] Jpeg(int length) => WithSignature([0xFF, 0xD8, 0xFF, 0xE0], length);

    private static byte[] Mp4(int length) => WithSignature([0x00, 0x00, 0x00, 0x18, .. "ftypisom\0\0\u0002\0isomiso2"u8], length);

    /// <summary>The type's signature, then bytes that differ from file to file.</summary>
    private static byte[] WithSignature(byte[] signature, int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        signature.CopyTo(content, 0);
        return content;
    }

    private static async Task<string> FileErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return Assert.Single((await response.Content.ReadAsync<ValidationProblemDetails>())!.Errors["file"]);
    }

    private async Task AssertNothingStoredAsync(AttachmentChat chat)
    {
        Assert.Equal(0, await factory.InMerchantAsync(chat.World.MerchantId, db => db.ChatAttachments.CountAsync(a => a.ChatId == chat.Id)));
        Assert.Equal(0, await factory.InMerchantAsync(chat.World.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Attachment)));
        Assert.Empty(StoredFilesOf(chat.Id));
    }

    /// <summary>The files the storage holds for a chat (including any half-written ones).</summary>
    private string[] StoredFilesOf(Guid chatId) =>
        Directory.Exists(factory.AttachmentsPath)
            ? Directory.GetFiles(factory.AttachmentsPath, "*", SearchOption.AllDirectories).Where(f => f.Contains(chatId.ToString("N"), StringComparison.Ordinal)).ToArray()
            : [];

    private static async Task<MessageView> NextMessageFromAsync(HubEvents hub, MessageSender sender) =>
        await hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == sender);

    /// <summary>A shopper (API and hub) in an active chat with Expert 01 of a new merchant.</summary>
    private async Task<AttachmentChat> ActiveChatAsync(int experts = 1)
    {
        var world = await RoutingScenario.WorldAsync(factory, experts);
        var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, token, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, token, ChatClients.ShopperEvents);
        var started = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" });
        var chat = (await started.Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        return new AttachmentChat(world, chat.Id, shopper, shopperHub, expert);
    }

    private sealed record AttachmentChat(RoutingWorld World, Guid Id, HttpClient Shopper, HubEvents ShopperHub, ExpertSession Expert) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ShopperHub.DisposeAsync();
            await Expert.DisposeAsync();
            Shopper.Dispose();
        }

        public string ShopperUrl(string rest) => $"/api/v1/widget/{World.WidgetKey}/chats/{Id}/{rest}";

        public string ExpertUrl(string rest) => $"/api/v1/expert/chats/{Id}/{rest}";
    }
}
