namespace VirtualShopping.Web.Features.Chats;

/// <summary>Typing and read state over REST, mapped into the widget's and the Store App's existing groups (their filters apply).</summary>
public static class ChatSignalEndpoints
{
    /// <summary>POST /api/v1/widget/{publicKey}/chats/{chatId}/read (typing goes over the hub only).</summary>
    public static void MapShopperChatSignals(this RouteGroupBuilder chats)
    {
        chats.MapPost("/{chatId:guid}/read", async (Guid chatId, ReadInput input, HttpContext http, ChatSignals signals, CancellationToken ct) =>
            ChatResults.From(await signals.ShopperReadAsync(ShopperSessionFilter.ShopperOf(http), chatId, input.Sequence, ct), Results.Ok))
            .WithName("MarkShopperChatRead");
    }

    /// <summary>POST /api/v1/expert/chats/{chatId}/typing and /read.</summary>
    public static void MapExpertChatSignals(this RouteGroupBuilder expert)
    {
        expert.MapPost("/chats/{chatId:guid}/typing", async (Guid chatId, HttpContext http, ChatSignals signals, CancellationToken ct) =>
            ChatResults.From(await signals.ExpertTypingAsync(ExpertCallerFilter.ExpertOf(http).Id, chatId, ct), _ => Results.NoContent()))
            .WithName("ExpertTyping");

        expert.MapPost("/chats/{chatId:guid}/read", async (Guid chatId, ReadInput input, HttpContext http, ChatSignals signals, CancellationToken ct) =>
            ChatResults.From(await signals.ExpertReadAsync(ExpertCallerFilter.ExpertOf(http).Id, chatId, input.Sequence, ct), Results.Ok))
            .WithName("MarkExpertChatRead");
    }
}
