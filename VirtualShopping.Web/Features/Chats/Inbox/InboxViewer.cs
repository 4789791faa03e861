using System.Security.Claims;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>Who is looking at the inbox, from the signed-in user's claims: the staff member and their merchant.</summary>
public sealed record InboxViewer(Guid MerchantId, Guid StaffMemberId, bool IsExpert)
{
    public static InboxViewer? From(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && Infrastructure.Tenancy.MerchantScope.MerchantOf(user) is { } merchant
        && user.StaffMemberId() is { } staff
            ? new InboxViewer(merchant, staff, user.HasRole(Domain.Staff.StaffRoles.Expert))
            : null;
}
