using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>The On-site chat settings form.</summary>
public sealed class ChatSettingsInput
{
    public bool Enabled { get; set; }

    public string DefaultLanguage { get; set; } = "en";

    public List<string> Languages { get; set; } = [];

    public string PrimaryColour { get; set; } = string.Empty;

    public string SecondaryColour { get; set; } = string.Empty;

    public string FontFamily { get; set; } = string.Empty;

    public WidgetPosition Position { get; set; }

    public int OffsetX { get; set; }

    public int OffsetY { get; set; }

    public bool PhotoAndVideoSending { get; set; }

    public string? PrivacyPolicyUrl { get; set; }

    public string? TermsUrl { get; set; }

    public string? CustomerServiceUrl { get; set; }

    public bool Minimisable { get; set; }

    public int AutoCloseSeconds { get; set; }

    public int CookieTtlDays { get; set; }

    public CookieConsentMode CookieConsent { get; set; }

    public ChatDisplayMode DisplayMode { get; set; }

    public LauncherStyle LauncherStyle { get; set; }

    public int DismissedBubbleHideHours { get; set; }

    /// <summary>One pattern per line, e.g. https://www.example.com/women/*.</summary>
    public string IncludeUrlPatterns { get; set; } = string.Empty;

    public string ExcludeUrlPatterns { get; set; } = string.Empty;

    public bool ShowOnDesktop { get; set; }

    public bool ShowOnMobile { get; set; }

    public List<string> Countries { get; set; } = [];

    /// <summary>One origin per line, e.g. https://www.example.com.</summary>
    public string AllowedOrigins { get; set; } = string.Empty;

    /// <summary>Language → text key → text; empty texts fall back to the default language.</summary>
    public Dictionary<string, Dictionary<string, string>> Texts { get; set; } = [];

    public Guid? ConcurrencyStamp { get; set; }

    public IEnumerable<string> OriginList => Lines(AllowedOrigins);

    public static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> Fonts { get; } = ["System", "Roboto", "Open Sans", "Lato", "Montserrat", "Georgia", "Helvetica Neue"];

    public static ChatSettingsInput From(ChatSettings settings, bool saved) => new()
    {
        Enabled = settings.Enabled,
        DefaultLanguage = settings.DefaultLanguage,
        Languages = [.. settings.Languages],
        PrimaryColour = settings.PrimaryColour,
        SecondaryColour = settings.SecondaryColour,
        FontFamily = settings.FontFamily,
        Position = settings.Position,
        OffsetX = settings.OffsetX,
        OffsetY = settings.OffsetY,
        PhotoAndVideoSending = settings.PhotoAndVideoSending,
        PrivacyPolicyUrl = settings.PrivacyPolicyUrl,
        TermsUrl = settings.TermsUrl,
        CustomerServiceUrl = settings.CustomerServiceUrl,
        Minimisable = settings.Minimisable,
        AutoCloseSeconds = settings.AutoCloseSeconds,
        CookieTtlDays = settings.CookieTtlDays,
        CookieConsent = settings.CookieConsent,
        DisplayMode = settings.DisplayMode,
        LauncherStyle = settings.LauncherStyle,
        DismissedBubbleHideHours = settings.DismissedBubbleHideHours,
        AllowedOrigins = string.Join('\n', settings.AllowedOrigins),
        IncludeUrlPatterns = string.Join('\n', settings.IncludeUrlPatterns),
        ExcludeUrlPatterns = string.Join('\n', settings.ExcludeUrlPatterns),
        ShowOnDesktop = settings.ShowOnDesktop,
        ShowOnMobile = settings.ShowOnMobile,
        Countries = [.. settings.Countries],
        Texts = settings.Texts.GroupBy(t => t.Language).ToDictionary(g => g.Key, g => g.ToDictionary(t => t.Key, t => t.Value)),
        ConcurrencyStamp = saved ? settings.ConcurrencyStamp : null,
    };

    public void ApplyTo(ChatSettings settings)
    {
        settings.Enabled = Enabled;
        settings.DefaultLanguage = DefaultLanguage;
        settings.Languages = Languages.Union([DefaultLanguage]).Distinct().ToList();
        settings.PrimaryColour = PrimaryColour.ToUpperInvariant();
        settings.SecondaryColour = SecondaryColour.ToUpperInvariant();
        settings.FontFamily = FontFamily;
        settings.Position = Position;
        settings.OffsetX = OffsetX;
        settings.OffsetY = OffsetY;
        settings.PhotoAndVideoSending = PhotoAndVideoSending;
        settings.PrivacyPolicyUrl = Blank(PrivacyPolicyUrl);
        settings.TermsUrl = Blank(TermsUrl);
        settings.CustomerServiceUrl = Blank(CustomerServiceUrl);
        settings.Minimisable = Minimisable;
        settings.AutoCloseSeconds = AutoCloseSeconds;
        settings.CookieTtlDays = CookieTtlDays;
        settings.CookieConsent = CookieConsent;
        settings.DisplayMode = DisplayMode;
        settings.LauncherStyle = LauncherStyle;
        settings.DismissedBubbleHideHours = DismissedBubbleHideHours;
        settings.IncludeUrlPatterns = Lines(IncludeUrlPatterns).Distinct().ToList();
        settings.ExcludeUrlPatterns = Lines(ExcludeUrlPatterns).Distinct().ToList();
        settings.ShowOnDesktop = ShowOnDesktop;
        settings.ShowOnMobile = ShowOnMobile;
        settings.Countries = Countries.Select(c => c.ToUpperInvariant()).Distinct().Order().ToList();
        settings.AllowedOrigins = OriginList.Select(SafeUrl.NormalizeOrigin).Distinct().ToList();
        var texts = Texts
            .SelectMany(language => language.Value.Select(text => (language.Key, text.Key, text.Value)))
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => new ChatText { Language = t.Item1, Key = t.Item2, Value = t.Item3.Trim() })
            .ToList();
        var unchanged = texts.Count == settings.Texts.Count
            && texts.All(t => settings.Texts.Any(s => s.Language == t.Language && s.Key == t.Key && s.Value == t.Value));
        if (!unchanged)
        {
            settings.Texts.Clear();
            settings.Texts.AddRange(texts);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
