namespace VirtualShopping.Web.Features.Chats;

/// <summary>The Store App's discount codes: the ones it may offer, and sending one in a chat.</summary>
public static class DiscountCodeEndpoints
{
    /// <summary>On the Store App's group (an active expert's bearer token).</summary>
    public static void MapExpertDiscountCodeEndpoints(this RouteGroupBuilder expert)
    {
        ArgumentNullException.ThrowIfNull(expert);

        expert.MapGet("/discount-codes", async (ChatDiscountCodes codes, CancellationToken ct) => Results.Ok(await codes.UsableAsync(ct)))
            .WithName("GetExpertDiscountCodes")
            .WithSummary("The discount codes the expert may send")
            .WithDescription("The merchant's codes that are not archived and not past their last day (in the merchant's time zone), by code.");

        expert.MapPost("/chats/{chatId:guid}/discount-codes/{codeId:guid}", async (Guid chatId, Guid codeId, HttpContext http, ChatDiscountCodes codes, CancellationToken ct) =>
            ChatResults.From(
                await codes.SendAsync(ExpertCallerFilter.ExpertOf(http).Id, null, chatId, codeId, true, ct),
                message => Results.Created($"/api/v1/expert/chats/{chatId}/messages?after={message.Sequence - 1}", message)))
            .WithName("SendExpertDiscountCode")
            .WithSummary("Sends a discount code in a chat")
            .WithDescription("As a message of kind Discount (`discount`: code, description, applyUrl when the merchant set an apply link, validUntil), with a plain text for transcripts. 201 with the message; 404 for a chat that is not the caller's or a code the merchant does not have; 400 for an archived or expired code.")
            .WithMetadata(ActiveExpertCheckedInline.Instance);
    }
}
