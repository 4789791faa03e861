using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>The staff API: /api/v1/staff.</summary>
public static class StaffEndpoints
{
    public static void MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff").WithTags("Staff").RequireAuthorization(Policies.ManageTeam);
        group.MapGet("/", async (StaffService staff, CancellationToken ct) => TypedResults.Ok(await staff.ListAsync(ct)))
            .WithName("ListStaff");
    }
}
