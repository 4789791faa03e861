using Microsoft.AspNetCore.Http.HttpResults;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// The order API for a merchant's back end (README "Order API"), authenticated by the merchant's API key:
/// POST /api/v1/orders (201 new, 200 already stored), GET /api/v1/orders/{id}, POST /api/v1/orders/{id}/refunds
/// (201 new, 200 already stored) and POST /api/v1/orders/{id}/cancellation (200). Bad input: 400 problem details
/// naming each field, nothing stored; another merchant's order: 404.
/// </summary>
public static class OrderApiEndpoints
{
    public static void MapOrderApiEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").RequireAuthorization(Policies.OrderApi).WithTags("Order API");

        group.MapPost("/", async Task<Results<Created<OrderView>, Ok<OrderView>, ValidationProblem>> (OrderSubmission? input, OrderIntake intake, CancellationToken ct) =>
            {
                var result = await intake.ReceiveAsync(input, OrderSource.Api, ct);
                return result.Order is not { } order ? Invalid(result)
                    : result.Outcome == OrderIntakeOutcome.Stored ? TypedResults.Created($"/api/v1/orders/{Uri.EscapeDataString(order.ExternalId)}", OrderView.Of(order))
                    : TypedResults.Ok(OrderView.Of(order));
            })
            .WithName("ReceiveOrder");

        group.MapGet("/{id}", async Task<Results<Ok<OrderView>, ProblemHttpResult>> (string id, OrderIntake intake, CancellationToken ct) =>
                await intake.FindAsync(id, ct) is { } order ? TypedResults.Ok(OrderView.Of(order)) : UnknownOrder(id))
            .WithName("GetOrder");

        group.MapPost("/{id}/refunds", async Task<Results<Created<OrderView>, Ok<OrderView>, ValidationProblem, ProblemHttpResult>> (string id, RefundSubmission? input, OrderIntake intake, CancellationToken ct) =>
            {
                var result = await intake.RefundAsync(id, input, OrderSource.Api, capAtWhatIsLeft: false, ct);
                return result.Outcome switch
                {
                    OrderIntakeOutcome.Stored => TypedResults.Created($"/api/v1/orders/{Uri.EscapeDataString(id)}", OrderView.Of(result.Order!)),
                    OrderIntakeOutcome.AlreadyStored => TypedResults.Ok(OrderView.Of(result.Order!)),
                    OrderIntakeOutcome.UnknownOrder => UnknownOrder(id),
                    _ => Invalid(result),
                };
            })
            .WithName("RefundOrder");

        group.MapPost("/{id}/cancellation", async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> (string id, CancellationSubmission? input, OrderIntake intake, CancellationToken ct) =>
            {
                var result = await intake.CancelAsync(id, input, OrderSource.Api, ct);
                return result.Outcome switch
                {
                    OrderIntakeOutcome.Stored or OrderIntakeOutcome.AlreadyStored => TypedResults.Ok(OrderView.Of(result.Order!)),
                    OrderIntakeOutcome.UnknownOrder => UnknownOrder(id),
                    _ => Invalid(result),
                };
            })
            .WithName("CancelOrder");
    }

    private static ValidationProblem Invalid(OrderIntakeResult result) =>
        TypedResults.ValidationProblem(result.Errors, title: "Check what you sent", detail: string.Join(" ", result.Errors.Select(e => $"{e.Key}: {e.Value.FirstOrDefault()}")));

    private static ProblemHttpResult UnknownOrder(string id) =>
        TypedResults.Problem($"No order with id '{(id.Length > 100 ? id[..100] : id)}' has been received for your shop.", statusCode: StatusCodes.Status404NotFound, title: "Unknown order");
}
