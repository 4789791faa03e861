using System.Security.Claims;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>Who is making a staff change and what they hold: nobody may give, take away or hand back rights they lack.</summary>
public sealed record StaffActor(Guid? StaffMemberId, StaffRights Rights)
{
    /// <summary>Someone holding nothing: every change beyond their reach is refused.</summary>
    public static StaffActor Nobody { get; } = new(null, new StaffRights(StaffRoles.None, DashboardAccess.None));

    public bool IsHqAdmin => Rights.IsHqAdmin;

    public static StaffActor From(ClaimsPrincipal user)
    {
        var roles = Enum.GetValues<StaffRoles>().Where(user.HasRole).Aggregate(StaffRoles.None, (all, role) => all | role);
        var access = Enum.GetValues<DashboardAccess>().Where(a => a is not (DashboardAccess.None or DashboardAccess.All) && user.HasAccess(a))
            .Aggregate(DashboardAccess.None, (all, a) => all | a);
        return new(user.StaffMemberId(), new StaffRights(roles, access));
    }
}
