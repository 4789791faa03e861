namespace VirtualShopping.Domain.Settings;

public enum WidgetPosition
{
    BottomRight,
    BottomLeft,
}

/// <summary>When the chat launcher shows on the merchant's site.</summary>
public enum ChatDisplayMode
{
    /// <summary>Always, day and night (out of hours it offers the leave-a-message form).</summary>
    AlwaysOn,

    /// <summary>From the earliest opening to the latest closing across stores.</summary>
    OperatingHours,

    /// <summary>Only when an expert is available (checked at page load).</summary>
    WhenExpertAvailable,
}

public enum LauncherStyle
{
    Interactive,
    NeedsSelector,
}

public enum CookieConsentMode
{
    /// <summary>The widget sets its cookie straight away.</summary>
    NotRequired,

    /// <summary>The widget waits until the site reports consent.</summary>
    WaitForConsent,
}
