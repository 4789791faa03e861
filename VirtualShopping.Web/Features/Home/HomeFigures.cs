namespace VirtualShopping.Web.Features.Home;

/// <summary>The merchant's key figures on the dashboard home page, all counted from the database.</summary>
public sealed record HomeFigures(
    int ActiveStores,
    int StoresOpenNow,
    int ActiveStaff,
    int Experts,
    int ExpertsAvailableNow,
    int PendingApprovals,
    int Teams,
    int Departments,
    int ChatsLastDay = 0,
    int ChatsLiveNow = 0,
    int MissedLastDay = 0,
    int LeftMessagesWaiting = 0);
