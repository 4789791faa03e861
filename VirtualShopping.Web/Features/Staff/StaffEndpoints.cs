using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Errors;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>The staff and teams API: /api/v1/staff and /api/v1/teams.</summary>
public static class StaffEndpoints
{
    public static void MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/staff").WithTags("Staff").RequireAuthorization(Policies.ManageTeam).RejectUndefinedEnums();

        staff.MapGet("/", async Task<Results<Ok<PagedResult<StaffSummary>>, ValidationProblem>> (StaffService service, string? search, StaffStatus? status, StaffRoles? role, StaffSort? sort, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
            PageBounds.Problems(page, pageSize) is { } problems
                ? TypedResults.ValidationProblem(problems, title: "Check what you entered")
                : TypedResults.Ok(await service.ListAsync(new StaffQuery(search, status, role, sort ?? StaffSort.Name, descending ?? false, page ?? 0, pageSize ?? PageBounds.DefaultPageSize), ct)))
            .WithName("ListStaff");

        staff.MapGet("/{id:guid}", async Task<Results<Ok<StaffDetails>, ProblemHttpResult>> (Guid id, StaffService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } member
                ? TypedResults.Ok(StaffDetails.From(member))
                : SaveResultHttp.NotFound($"No staff member {id}."))
            .WithName("GetStaffMember");

        staff.MapPost("/", async (StaffInput input, StaffService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.InviteAsync(input, StaffActor.From(user), ct)).ToHttp(link => link))
            .WithName("InviteStaffMember");

        staff.MapPost("/{id:guid}/reinvite", async (Guid id, StaffService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.ReinviteAsync(id, StaffActor.From(user), ct)).ToHttp(link => link))
            .WithName("ReinviteStaffMember");

        staff.MapPut("/{id:guid}", async (Guid id, StaffInput input, StaffService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, StaffActor.From(user), ct)).ToHttp(StaffDetails.From))
            .WithName("UpdateStaffMember");

        staff.MapPost("/{id:guid}/approve", async (Guid id, StaffService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.ApproveAsync(id, StaffActor.From(user), ct)).ToHttp(StaffDetails.From))
            .WithName("ApproveStaffMember");

        staff.MapPost("/{id:guid}/reject", async (Guid id, StaffService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.RejectAsync(id, StaffActor.From(user), ct)).ToHttp(StaffDetails.From))
            .WithName("RejectStaffMember");

        staff.MapPost("/{id:guid}/deactivate", async (Guid id, StaffService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.DeactivateAsync(id, StaffActor.From(user), ct)).ToHttp(StaffDetails.From))
            .WithName("DeactivateStaffMember");

        staff.MapPost("/{id:guid}/reactivate", async (Guid id, StaffService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.ReactivateAsync(id, StaffActor.From(user), ct)).ToHttp(StaffDetails.From))
            .WithName("ReactivateStaffMember");

        var teams = app.MapGroup("/api/v1/teams").WithTags("Teams").RequireAuthorization(Policies.ManageTeam);

        teams.MapGet("/", async (TeamService service, string? search, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(search, ct)))
            .WithName("ListTeams");

        teams.MapPost("/", async (TeamInput input, TeamService service, CancellationToken ct) =>
            (await service.CreateAsync(input, ct)).ToHttp(TeamInputFrom))
            .WithName("CreateTeam");

        teams.MapPut("/{id:guid}", async (Guid id, TeamInput input, TeamService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input, ct)).ToHttp(TeamInputFrom))
            .WithName("UpdateTeam");

        teams.MapPost("/{id:guid}/deactivate", async (Guid id, TeamService service, CancellationToken ct) =>
            (await service.SetActiveAsync(id, false, ct)).ToHttp(t => new { t.Id, t.IsActive }))
            .WithName("DeactivateTeam");
    }

    private static object TeamInputFrom(Team team) => new { team.Id, Team = TeamInput.From(team) };
}
