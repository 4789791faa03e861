using System.Globalization;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Products;

/// <summary>The Store App's product picker: search, favourites, and sending a product card in a chat.</summary>
public static class ProductPickerEndpoints
{
    /// <summary>On the Store App's group (an active expert's bearer token).</summary>
    public static void MapExpertProductEndpoints(this RouteGroupBuilder expert)
    {
        ArgumentNullException.ThrowIfNull(expert);

        expert.MapGet("/products", async (string? q, string? take, HttpContext http, ProductPicker picker, CancellationToken ct) =>
        {
            var count = ProductPicker.DefaultTake;
            if (take is not null && !int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                count = 0;
            }

            if (ProductPicker.Problems(q, count) is { } problems)
            {
                return Results.ValidationProblem(problems, title: "Check your search");
            }

            return Results.Ok(await picker.SearchAsync(ExpertCallerFilter.ExpertOf(http).Id, q, count, ct));
        })
            .WithName("SearchExpertProducts")
            .WithSummary("Searches the merchant's products for the product picker")
            .WithDescription("`q` (optional, at most 100 characters, trimmed) matches title, brand, GTIN and feed id (case-insensitive; an exact id or GTIN first); then the caller's favourites, products in the feed before those no longer in it, then by title. No `q`: browse in that order. `take` 1–50, default 20. 400 naming `q` or `take` otherwise.");

        expert.MapPut("/products/{productId:guid}/favourite", (Guid productId, HttpContext http, ProductPicker picker, CancellationToken ct) =>
            FavouriteAsync(productId, true, http, picker, ct))
            .WithName("StarExpertProduct")
            .WithSummary("Stars a product for the caller (first in their picker)")
            .WithDescription("Idempotent. 204; 404 for a product the merchant does not have. Favourites are per expert.");

        expert.MapDelete("/products/{productId:guid}/favourite", (Guid productId, HttpContext http, ProductPicker picker, CancellationToken ct) =>
            FavouriteAsync(productId, false, http, picker, ct))
            .WithName("UnstarExpertProduct")
            .WithSummary("Removes the caller's star from a product")
            .WithDescription("Idempotent. 204; 404 for a product the merchant does not have.");

        expert.MapPost("/chats/{chatId:guid}/products/{productId:guid}", async (Guid chatId, Guid productId, ProductSendInput? input, HttpContext http, ChatProducts products, CancellationToken ct) =>
            ChatResults.From(
                await products.SendAsync(ExpertCallerFilter.ExpertOf(http).Id, null, chatId, productId, input?.ClientMessageId, true, ct),
                message => Results.Created($"/api/v1/expert/chats/{chatId}/messages?after={message.Sequence - 1}", message)))
            .WithName("SendExpertProduct")
            .WithSummary("Sends a product card in a chat")
            .WithDescription("As a message of kind Product (`product`: productId, externalId, title, variant, brand, imageUrl, price, salePrice, currency, availability, url = its share link /p/{token}), with a plain text for transcripts. Optional body `{ \"clientMessageId\": \"…\" }`: a retry with the same id answers the first message and makes no second share. 201 with the message; 404 for a chat that is not the caller's or a product the merchant does not have.")
            .WithMetadata(ActiveExpertCheckedInline.Instance);
    }

    private static async Task<IResult> FavouriteAsync(Guid productId, bool favourite, HttpContext http, ProductPicker picker, CancellationToken ct) =>
        await picker.SetFavouriteAsync(ExpertCallerFilter.ExpertOf(http).Id, productId, favourite, ct)
            ? Results.NoContent()
            : Results.Problem(ChatProducts.NoSuchProduct, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

/// <summary>The optional body of sending a product card: the client's id for the message, so a retry sends it once.</summary>
public sealed record ProductSendInput(string? ClientMessageId);
