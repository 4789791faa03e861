namespace VirtualShopping.Web.Authorization;

/// <summary>Named authorization policies; every page, endpoint group and hub method names one.</summary>
public static class Policies
{
    /// <summary>Any active staff member of a merchant.</summary>
    public const string Staff = "staff";

    /// <summary>HQ admins of a merchant only.</summary>
    public const string HqAdmin = "hq-admin";

    /// <summary>Stores index: HQ admins, support staff and anyone granted "manage store".</summary>
    public const string ManageStores = "manage-stores";

    /// <summary>Teams and staff: HQ admins, store managers and anyone granted "manage team".</summary>
    public const string ManageTeam = "manage-team";

    /// <summary>The dashboard inbox: experts, store managers, support staff and HQ admins (each sees what <c>ChatAccess</c> allows).</summary>
    public const string Inbox = "inbox";

    /// <summary>Other people's chats: the Waiting view, the team panel, the Blocked list. HQ admins, store managers and support.</summary>
    public const string SuperviseChats = "supervise-chats";

    /// <summary>Merchant settings: HQ admins and anyone granted "settings".</summary>
    public const string Settings = "settings";

    /// <summary>The Store App's companion API and hub: experts with a bearer token (local or Entra ID).</summary>
    public const string Expert = "expert";

    /// <summary>The chat widget: an anonymous shopper with a signed shopper session token.</summary>
    public const string Shopper = "shopper";

    /// <summary>Reports and analytics: anyone granted "analytics" (HQ admins always).</summary>
    public const string Analytics = "analytics";

    /// <summary>
    /// The Reports area: HQ admins and anyone granted "analytics" see every store; store managers see their own stores'
    /// figures only (<c>ReportScope</c> narrows every query).
    /// </summary>
    public const string Reports = "reports";

    /// <summary>The order API: a merchant's back end with one of its API keys (Authorization: Bearer vsk_…), in that merchant only.</summary>
    public const string OrderApi = "order-api";

    /// <summary>Platform operators (`Operations:OperatorEmails`), who run the installation: the Hangfire dashboard. No merchant role grants it.</summary>
    public const string Operator = "operator";
}
