using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Web.Features.Operations;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>
/// The unsubscribe link in each scheduled email: a token signed and encrypted with Data Protection naming the
/// merchant, the person and the kind of email, so it turns off that one choice and nothing else; an altered token
/// reads as nothing.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IOptions<PublicAppOptions> app)
{
    public const string Path = "notifications/unsubscribe";

    private readonly IDataProtector protector = protection.CreateProtector("VirtualShopping.Notifications.Unsubscribe.v1");

    public string LinkFor(Guid merchantId, Guid staffMemberId, EmailKind kind) =>
        app.Value.LinkTo($"{Path}?t={Uri.EscapeDataString(TokenFor(merchantId, staffMemberId, kind))}");

    public string TokenFor(Guid merchantId, Guid staffMemberId, EmailKind kind) =>
        protector.Protect(string.Join('|', merchantId.ToString("N"), staffMemberId.ToString("N"), ((int)kind).ToString(CultureInfo.InvariantCulture)));

    /// <summary>What a token names, or null when it is missing, altered or not ours.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('|');
            return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var merchant) && Guid.TryParseExact(parts[1], "N", out var staff)
                   && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && Enum.IsDefined((EmailKind)kind)
                ? new UnsubscribeRequest(merchant, staff, (EmailKind)kind)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The one subscription an unsubscribe link turns off.</summary>
public sealed record UnsubscribeRequest(Guid MerchantId, Guid StaffMemberId, EmailKind Kind);
