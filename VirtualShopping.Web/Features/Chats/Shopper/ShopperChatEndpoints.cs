using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The chat widget's API under /api/v1/widget/{publicKey}: a shopper session, then start a chat, read and
/// send messages, end and rate it. Anonymous callers, identified by the signed session token; rate limited
/// per session and per IP.
/// </summary>
public static class ShopperChatEndpoints
{
    public static void MapShopperChatEndpoints(this IEndpointRouteBuilder app)
    {
        var widget = app.MapGroup("/api/v1/widget/{publicKey}").WithTags("Shopper chat").RequireRateLimiting(ChatRateLimits.Policy)
            .RequireCors(WidgetCorsPolicyProvider.Policy);

        widget.MapPost("/session", async (string publicKey, HttpContext http, ShopperSessionTokens tokens, CancellationToken ct) =>
        {
            var merchantId = await ShopperSessionFilter.MerchantOfKeyAsync(http.RequestServices, publicKey, ct);
            if (merchantId is null)
            {
                return ChatResults.UnknownKeyProblem();
            }

            // A returning shopper keeps their identity (so experts see "spoken before"); anyone else gets a new one.
            var previous = tokens.Read(ShopperSession.BearerToken(http.Request));
            var shopperId = previous is { } p && p.MerchantId == merchantId ? p.ShopperId : Guid.NewGuid();
            var (token, expiresAt) = await tokens.IssueAsync(http.RequestServices, merchantId.Value, shopperId, ct);
            return Results.Ok(new ShopperSessionResponse(token, shopperId, expiresAt));
        }).AllowAnonymous().WithName("StartShopperSession");

        var chats = widget.MapGroup("/chats").RequireAuthorization(Policies.Shopper).AddEndpointFilter<ShopperSessionFilter>();

        chats.MapPost("/", async (StartChatInput input, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
        {
            var outcome = await conversation.StartAsync(ShopperSessionFilter.ShopperOf(http), input, ct);
            if (outcome.Problems.Count > 0)
            {
                return Results.ValidationProblem(outcome.Problems, title: "Check what you entered");
            }

            if (outcome.OpenChatId is { } open)
            {
                return Results.Problem(
                    $"You already have an open chat ({open}). Carry on there, or end it before starting another.",
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Chat already open",
                    extensions: new Dictionary<string, object?> { ["openChatId"] = open });
            }

            return outcome.OutOfHours
                ? Results.Ok(new { outOfHours = true, outOfHoursText = outcome.OutOfHoursText, canLeaveMessage = true })
                : Results.Created($"/api/v1/widget/{http.GetRouteValue("publicKey")}/chats/{outcome.Chat!.Id}", outcome.Chat);
        }).WithName("StartChat");

        chats.MapGet("/{chatId:guid}", async (Guid chatId, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            await conversation.FindForShopperAsync(ShopperSessionFilter.ShopperOf(http), chatId, ct) is { } chat
                ? Results.Ok(chat)
                : ChatResults.NoSuchChatProblem())
            .WithName("GetShopperChat");

        chats.MapGet("/{chatId:guid}/messages", async (Guid chatId, int? after, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            await conversation.MessagesSinceAsync(chatId, after ?? 0, ShopperSessionFilter.ShopperOf(http), null, ct) is { } messages
                ? Results.Ok(messages)
                : ChatResults.NoSuchChatProblem())
            .WithName("GetShopperMessages");

        chats.MapPost("/{chatId:guid}/messages", async (Guid chatId, SendMessageInput input, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            ChatResults.From(
                await conversation.PostFromShopperAsync(ShopperSessionFilter.ShopperOf(http), chatId, input.Text, input.ClientMessageId, ct),
                message => Results.Created($"{http.Request.Path}?after={message.Sequence - 1}", message)))
            .WithName("SendShopperMessage");

        chats.MapPost("/{chatId:guid}/end", async (Guid chatId, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            ChatResults.From(await conversation.EndByShopperAsync(ShopperSessionFilter.ShopperOf(http), chatId, ct), Results.Ok))
            .WithName("EndShopperChat");

        chats.MapPost("/{chatId:guid}/rating", async (Guid chatId, RatingInput input, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            ChatResults.From(await conversation.RateAsync(ShopperSessionFilter.ShopperOf(http), chatId, input.Rating, input.Comment, ct), Results.Ok))
            .WithName("RateChat");

        chats.MapShopperChatSignals();
        chats.MapShopperAttachmentEndpoints();
    }
}
