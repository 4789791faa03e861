namespace VirtualShopping.Web.Features.Staff;

/// <summary>A new invitation: the person, and the one-time path of the link to send them.</summary>
public sealed record StaffInvitationLink(Guid StaffMemberId, string DisplayName, string Email, string Path, DateTimeOffset ExpiresAt);
