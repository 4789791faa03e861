using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>Only what the chat widget on the merchant's site needs; nothing internal or secret.</summary>
public sealed record WidgetConfiguration(
    string Language,
    IReadOnlyList<string> Languages,
    bool Enabled,
    bool IsOpenNow,
    WidgetTheme Theme,
    IReadOnlyDictionary<string, string?> Texts,
    IReadOnlyList<WidgetDepartment> Departments,
    WidgetUrls Urls,
    WidgetDisplay Display,
    WidgetCookies Cookies,
    WidgetOutOfHours OutOfHours,
    bool ExpertAvailable = false);

public sealed record WidgetTheme(string PrimaryColour, string SecondaryColour, string TextOnPrimary, string Font, WidgetPosition Position, int OffsetX, int OffsetY, string? LogoUrl, string? LauncherIconUrl);

/// <param name="Available">An open store with an active team serving this need exists now.</param>
public sealed record WidgetDepartment(Guid Id, string Label, bool Available = false);

public sealed record WidgetUrls(string? PrivacyPolicy, string? Terms, string? CustomerService);

public sealed record WidgetDisplay(
    ChatDisplayMode Mode,
    LauncherStyle LauncherStyle,
    bool Minimisable,
    int AutoCloseSeconds,
    int DismissedBubbleHideHours,
    bool PhotoAndVideoSending,
    IReadOnlyList<string> IncludeUrlPatterns,
    IReadOnlyList<string> ExcludeUrlPatterns,
    bool Desktop,
    bool Mobile,
    IReadOnlyList<string> Countries,
    bool? CountryAllowed = null);

public sealed record WidgetCookies(int TtlDays, CookieConsentMode Consent);

public sealed record WidgetOutOfHours(OutOfHoursBehaviour Behaviour, string Text);
