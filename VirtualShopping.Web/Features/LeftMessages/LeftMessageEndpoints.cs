using System.Security.Claims;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>The widget's left-message form, and the dashboard's list and answers.</summary>
public static class LeftMessageEndpoints
{
    public static void MapLeftMessageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/widget/{publicKey}/left-messages", async (LeaveMessageInput input, HttpContext http, LeftMessageService messages, CancellationToken ct) =>
                ChatResults.From(await messages.LeaveAsync(ShopperSessionFilter.ShopperOf(http), input, ct),
                    id => Results.Created($"/api/v1/left-messages/{id}", new { id })))
            .WithTags("Shopper chat").RequireRateLimiting(ChatRateLimits.Policy).RequireCors(WidgetCorsPolicyProvider.Policy)
            .RequireAuthorization(Policies.Shopper).AddEndpointFilter<ShopperSessionFilter>()
            .WithName("LeaveMessage");

        var dashboard = app.MapGroup("/api/v1/left-messages").WithTags("Left messages").RequireAuthorization(Policies.Staff);
        dashboard.MapGet("/", async (bool? includeAnswered, string? search, ClaimsPrincipal user, LeftMessageService messages, CancellationToken ct) =>
            Results.Ok(await messages.ListAsync(user, includeAnswered ?? false, search, ct))).WithName("ListLeftMessages");
        dashboard.MapPost("/{id:guid}/replies", async (Guid id, ReplyInput input, ClaimsPrincipal user, LeftMessageService messages, CancellationToken ct) =>
            (await messages.ReplyAsync(user, id, input, ct)).ToHttp(reply => new { reply.Id, reply.Delivery })).WithName("ReplyToLeftMessage");
    }
}
