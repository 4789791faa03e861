using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>
/// One person who receives scheduled emails, with what they may see: chats and left messages as the inbox rules
/// (<see cref="ChatAccess"/>, <see cref="LeftMessageAccess"/>) allow; figures as <see cref="ReportScope"/> allows.
/// </summary>
public sealed record NotificationRecipient(
    StaffMember Person,
    NotificationSubscription Subscription,
    ChatStaff Staff,
    ReportScope Reports,
    IReadOnlySet<Guid> ServedDepartments)
{
    /// <summary>HQ admins, people granted "manage team" and store managers (for their stores) look after the team.</summary>
    public bool ManagesTeam => Person.Roles.HasFlag(StaffRoles.HqAdmin) || Person.Roles.HasFlag(StaffRoles.StoreManager)
                               || Person.EffectiveAccess.HasFlag(DashboardAccess.ManageTeam);

    /// <summary>Whether this person still chose this email.</summary>
    public bool Wants(EmailKind kind) => kind switch
    {
        EmailKind.MissedChats => Subscription.MissedChats && Staff.Supervises,
        EmailKind.LeftMessages => Subscription.LeftMessages,
        EmailKind.DailyDigest => Subscription.DailyDigest && !Reports.IsEmpty,
        EmailKind.WeeklyDigest => Subscription.WeeklyDigest && !Reports.IsEmpty,
        EmailKind.TeamDigest => Subscription.TeamDigest && ManagesTeam,
        EmailKind.PerformanceReport => Subscription.PerformanceReport != ReportSchedule.Off && !Reports.IsEmpty,
        _ => false,
    };

    /// <summary>
    /// A missed chat as the inbox rules see it: whole-merchant staff see all; a store manager those of their stores,
    /// and those with no store yet (nobody claimed them) of the needs an active team of their stores serves.
    /// </summary>
    public bool SeesMissedChat(Guid? storeId, Guid departmentId) =>
        Staff.SeesWholeMerchant
        || (Staff.IsStoreManager && (storeId is { } store ? Staff.StoreIds.Contains(store) : ServedDepartments.Contains(departmentId)));

    public bool AnswersLeftMessage(LeftMessage message) =>
        LeftMessageAccess.CanAnswer(Staff, message, message.DepartmentId is { } department && ServedDepartments.Contains(department));

    /// <summary>Whether a person waiting for approval concerns this person: everyone for whole-merchant staff; for a store manager those of their stores, or with no store yet.</summary>
    public bool SeesApplicant(IReadOnlyCollection<Guid> applicantStores) =>
        Reports.AllStores || Person.Roles.HasFlag(StaffRoles.HqAdmin) || Person.EffectiveAccess.HasFlag(DashboardAccess.ManageTeam)
        || applicantStores.Count == 0 || applicantStores.Any(Staff.StoreIds.Contains);
}
