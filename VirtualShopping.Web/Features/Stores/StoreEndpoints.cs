using Microsoft.AspNetCore.Http.HttpResults;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Errors;

namespace VirtualShopping.Web.Features.Stores;

/// <summary>The stores index API: /api/v1/stores.</summary>
public static class StoreEndpoints
{
    public static void MapStoreEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/stores").WithTags("Stores").RequireAuthorization(Policies.ManageStores).RejectUndefinedEnums();

        group.MapGet("/", async Task<Results<Ok<PagedResult<StoreSummary>>, ValidationProblem>> (StoreService stores, string? search, StoreSort? sort, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
            PageBounds.Problems(page, pageSize) is { } problems
                ? TypedResults.ValidationProblem(problems, title: "Check what you entered")
                : TypedResults.Ok(await stores.ListAsync(
                    new StoreQuery(search, sort ?? StoreSort.Name, descending ?? false, page ?? 0, pageSize ?? PageBounds.DefaultPageSize), ct)))
            .WithName("ListStores");

        group.MapGet("/{id:guid}", async Task<Results<Ok<StoreDetails>, ProblemHttpResult>> (Guid id, StoreService stores, TimeProvider clock, CancellationToken ct) =>
            await stores.FindAsync(id, ct) is { } store
                ? TypedResults.Ok(StoreDetails.From(store, clock.GetUtcNow()))
                : SaveResultHttp.NotFound($"No store {id}."))
            .WithName("GetStore");

        group.MapPost("/", async (StoreInput input, StoreService stores, TimeProvider clock, CancellationToken ct) =>
            (await stores.CreateAsync(input, ct)).ToHttp(s => StoreDetails.From(s, clock.GetUtcNow())))
            .WithName("CreateStore");

        group.MapPut("/{id:guid}", async (Guid id, StoreInput input, StoreService stores, TimeProvider clock, CancellationToken ct) =>
            (await stores.UpdateAsync(id, input, ct)).ToHttp(s => StoreDetails.From(s, clock.GetUtcNow())))
            .WithName("UpdateStore");

        group.MapPost("/{id:guid}/deactivate", async (Guid id, Guid? concurrencyStamp, StoreService stores, TimeProvider clock, CancellationToken ct) =>
            (await stores.SetStatusAsync(id, StoreStatus.Inactive, concurrencyStamp, ct)).ToHttp(s => StoreDetails.From(s, clock.GetUtcNow())))
            .WithName("DeactivateStore");

        group.MapPost("/{id:guid}/reactivate", async (Guid id, Guid? concurrencyStamp, StoreService stores, TimeProvider clock, CancellationToken ct) =>
            (await stores.SetStatusAsync(id, StoreStatus.Active, concurrencyStamp, ct)).ToHttp(s => StoreDetails.From(s, clock.GetUtcNow())))
            .WithName("ReactivateStore");
    }
}
