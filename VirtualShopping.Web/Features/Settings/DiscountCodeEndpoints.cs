using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>The merchant's discount codes under the settings API: /api/v1/settings/discount-codes.</summary>
public static class DiscountCodeEndpoints
{
    public static void MapDiscountCodeEndpoints(this RouteGroupBuilder settings)
    {
        settings.MapGet("/discount-codes", async (DiscountCodeService codes, CancellationToken ct) => TypedResults.Ok(await codes.ListAsync(ct)))
            .WithName("ListDiscountCodes");

        settings.MapPost("/discount-codes", async (DiscountCodeInput input, DiscountCodeService codes, CancellationToken ct) =>
            (await codes.SaveAsync(null, input, ct)).ToHttp(saved => saved))
            .WithName("AddDiscountCode");

        settings.MapPut("/discount-codes/{codeId:guid}", async (Guid codeId, DiscountCodeInput input, DiscountCodeService codes, CancellationToken ct) =>
            (await codes.SaveAsync(codeId, input, ct)).ToHttp(saved => saved))
            .WithName("EditDiscountCode");

        settings.MapDelete("/discount-codes/{codeId:guid}", async (Guid codeId, DiscountCodeService codes, CancellationToken ct) =>
            (await codes.ArchiveAsync(codeId, ct)).ToHttp(archived => archived))
            .WithName("ArchiveDiscountCode");
    }
}
