using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Shoppers;

/// <summary>
/// The widget's track() call: POST /api/v1/widget/{publicKey}/events with the shopper's session, answered
/// 202 {id} once the event is stored, or 400 problem details naming each wrong field (nothing stored).
/// </summary>
public static class ShopperEventEndpoints
{
    public static void MapShopperEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/widget/{publicKey}/events", async (TrackedEvent input, HttpContext http, ShopperEventService events, CancellationToken ct) =>
            {
                var outcome = await events.RecordAsync(ShopperSessionFilter.ShopperOf(http), input, ct);
                return outcome.Event is { } stored
                    ? Results.Accepted(null, new { id = stored.Id })
                    : Results.ValidationProblem(outcome.Errors.ToDictionary(), title: "Check what you entered");
            })
            .WithTags("Shopper chat").RequireRateLimiting(ChatRateLimits.Policy).RequireCors(WidgetCorsPolicyProvider.Policy)
            .RequireAuthorization(Policies.Shopper).AddEndpointFilter<ShopperSessionFilter>()
            .WithName("TrackShopperEvent");
    }
}
