using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Settings;

/// <summary>The on-site chat widget: on/off, languages, theme, URLs, texts, display rules, cookies, allowed origins.</summary>
public sealed class ChatSettings : ITenantOwned, IConcurrencyStamped, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public bool Enabled { get; set; } = true;

    public string DefaultLanguage { get; set; } = "en";

    public List<string> Languages { get; set; } = ["en"];

    public string PrimaryColour { get; set; } = "#3F3A8C";

    public string SecondaryColour { get; set; } = "#D9486A";

    public string FontFamily { get; set; } = "System";

    public WidgetPosition Position { get; set; } = WidgetPosition.BottomRight;

    public int OffsetX { get; set; } = 24;

    public int OffsetY { get; set; } = 24;

    public bool PhotoAndVideoSending { get; set; } = true;

    public string? PrivacyPolicyUrl { get; set; }

    public string? TermsUrl { get; set; }

    public string? CustomerServiceUrl { get; set; }

    public bool Minimisable { get; set; } = true;

    /// <summary>Seconds after a chat ends before the widget closes; 0 keeps it open.</summary>
    public int AutoCloseSeconds { get; set; }

    public int CookieTtlDays { get; set; } = 30;

    public CookieConsentMode CookieConsent { get; set; } = CookieConsentMode.NotRequired;

    public ChatDisplayMode DisplayMode { get; set; } = ChatDisplayMode.OperatingHours;

    public LauncherStyle LauncherStyle { get; set; } = LauncherStyle.Interactive;

    /// <summary>Hours a dismissed launcher bubble stays hidden.</summary>
    public int DismissedBubbleHideHours { get; set; } = 48;

    /// <summary>URL patterns (with * wildcards) of pages where the chat shows; empty means every page.</summary>
    public List<string> IncludeUrlPatterns { get; set; } = [];

    /// <summary>URL patterns of pages where the chat never shows (checkout, say); they win over includes.</summary>
    public List<string> ExcludeUrlPatterns { get; set; } = [];

    public bool ShowOnDesktop { get; set; } = true;

    public bool ShowOnMobile { get; set; } = true;

    /// <summary>ISO 3166 country codes the chat is limited to; empty means everywhere.</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>Sites (scheme://host[:port]) allowed to load the widget configuration.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public List<ChatText> Texts { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => "On-site chat settings";

    /// <summary>A text in the requested language, else in the default language, else null (the widget's built-in text).</summary>
    public string? TextFor(string key, string language) =>
        Texts.FirstOrDefault(t => t.Key == key && t.Language == language)?.Value
        ?? Texts.FirstOrDefault(t => t.Key == key && t.Language == DefaultLanguage)?.Value;

    /// <summary>Whether the chat shows on a page: not excluded, and included when includes are set.</summary>
    public bool ShowsOn(string pageUrl) =>
        !ExcludeUrlPatterns.Any(p => UrlPattern.Matches(p, pageUrl))
        && (IncludeUrlPatterns.Count == 0 || IncludeUrlPatterns.Any(p => UrlPattern.Matches(p, pageUrl)));

    /// <summary>The language to serve: the requested one if offered, else the default.</summary>
    public string LanguageFor(string? requested) =>
        requested is not null && Languages.Contains(requested) ? requested : DefaultLanguage;
}
