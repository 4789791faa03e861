namespace VirtualShopping.Infrastructure.Email;

public enum SmtpSecurity
{
    /// <summary>Upgrade with STARTTLS when the server offers it (port 587).</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text; only for a relay on the same machine or network.</summary>
    None,
}

/// <summary>The `Smtp` section: the server every email goes through. Empty host means email is not set up.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@virtualshopping.local";

    public string FromName { get; set; } = "VirtualShopping";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
