using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Chats.Actions;

/// <summary>
/// Photos and videos from the dashboard inbox: the stream upload goes through the same checks and storage as the
/// Store App's, reaches the shopper inline, and GET /inbox/attachments/{chat}/{attachment} serves it (sign-in
/// cookie) to whoever may see the chat, 404 to everyone else.
/// </summary>
public sealed class InboxAttachmentTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task An_image_sent_from_the_inbox_reaches_the_shopper_and_is_served_to_who_may_see_the_chat()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var png = Png(3000);

        var sent = await UploadAsync(world, world.Experts[0], chat.Id, png, "boots.png", "The black ones", "inbox-1");

        Assert.True(sent.Succeeded, sent.Message);
        var message = sent.Value!;
        Assert.Equal((MessageKind.Attachment, "The black ones", "inbox-1", "image/png"), (message.Kind, message.Text, message.ClientMessageId, message.Attachment!.ContentType));
        var atShopper = await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Kind == MessageKind.Attachment);
        Assert.Equal(message.Attachment.Id, atShopper.Attachment!.Id);
        Assert.Equal(png, await (await chat.Shopper.GetAsync(chat.ShopperUrl($"attachments/{message.Attachment.Id}"))).Content.ReadAsByteArrayAsync());

        // A retry with the same client message id stores nothing more.
        var retried = await UploadAsync(world, world.Experts[0], chat.Id, png, "boots.png", "The black ones", "inbox-1");
        Assert.Equal(message.Sequence, retried.Value!.Sequence);
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.ChatAttachments.CountAsync(a => a.ChatId == chat.Id)));

        var url = $"/inbox/attachments/{chat.Id}/{message.Attachment.Id}";
        var holder = await factory.SignInAsync(world.Experts[0].Email, RoutingWorld.Password);
        var served = await holder.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());

        var support = await ActionScenario.AddStaffAsync(factory, world, StaffRoles.Support, "Jordan Lee");
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync(support.Email, RoutingWorld.Password)).GetAsync(url)).StatusCode);
        var manager = await ActionScenario.AddStaffAsync(factory, world, StaffRoles.StoreManager, "Priya Shah");
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync(manager.Email, RoutingWorld.Password)).GetAsync(url)).StatusCode);

        // Another expert of the shop, an admin of another merchant, a made-up attachment, nobody signed in.
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignInAsync(world.Experts[1].Email, RoutingWorld.Password)).GetAsync(url)).StatusCode);
        var foreignAdmin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignAdmin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.GetAsync($"/inbox/attachments/{chat.Id}/{Guid.NewGuid()}")).StatusCode);
        var anonymous = await factory.CreateAnonymousClient().GetAsync(url);
        Assert.Contains("/account/login", anonymous.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_upload_refuses_what_the_store_app_refuses_and_stores_nothing()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var notAnImage = await UploadAsync(world, world.Experts[0], chat.Id, RandomNumberGenerator.GetBytes(500), "notes.txt", null, null);
        var empty = await UploadAsync(world, world.Experts[0], chat.Id, [], "empty.png", null, null);
        var tooLarge = await UploadAsync(world, world.Experts[0], chat.Id, Png((10 * 1024 * 1024) + 1), "huge.png", null, null);
        var longCaption = await UploadAsync(world, world.Experts[0], chat.Id, Png(100), "a.png", new string('x', ChatMessage.MaxTextLength + 1), null);
        var notHolder = await UploadAsync(world, world.Experts[1], chat.Id, Png(100), "a.png", null, null);

        Assert.Equal((ChatProblemKind.Invalid, "file"), (notAnImage.Problem, notAnImage.Field));
        Assert.Equal((ChatProblemKind.Invalid, "file"), (empty.Problem, empty.Field));
        Assert.Equal(("The file is too large. Photos can be at most 10 MB.", "file"), (tooLarge.Message, tooLarge.Field));
        Assert.Equal((ChatProblemKind.Invalid, "caption"), (longCaption.Problem, longCaption.Field));
        Assert.Equal(ChatProblemKind.NotFound, notHolder.Problem);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatAttachments.CountAsync(a => a.ChatId == chat.Id)));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Attachment)));
        Assert.Empty(Directory.Exists(factory.AttachmentsPath)
            ? Directory.GetFiles(factory.AttachmentsPath, "*", SearchOption.AllDirectories).Where(f => f.Contains(chat.Id.ToString("N"), StringComparison.Ordinal))
            : []);
    }

    private Task<ChatActionOutcome<MessageView>> UploadAsync(RoutingWorld world, RoutingExpert expert, Guid chatId, byte[] content, string fileName, string? caption, string? clientMessageId) =>
        ActionScenario.InMerchantAsync<ChatAttachments, ChatActionOutcome<MessageView>>(factory, world.MerchantId, async attachments =>
        {
            await using var stream = new MemoryStream(content);
            return await attachments.UploadFromInboxAsync(expert.Id, expert.Name, chatId, stream, fileName, caption, clientMessageId);
        });

    private static byte[] Png(int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(content, 0);
        return content;
    }
}
