using System.ComponentModel.DataAnnotations;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>
/// The `App` section: the address people reach this installation at. Links that leave the app (answers to
/// left messages, emails) are built from it, never from the request's Host header, which a caller chooses.
/// </summary>
public sealed class PublicAppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>Absolute http(s) URL, e.g. https://chat.example.com/ (Development: http://localhost:5032).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base URL, ending with a slash so relative links keep its path.</summary>
    public Uri PublicBaseUri => new(PublicBaseUrl!.EndsWith('/') ? PublicBaseUrl : PublicBaseUrl + "/", UriKind.Absolute);

    /// <summary>An absolute link to a path of this app, e.g. <c>m/abc</c>.</summary>
    public string LinkTo(string relativePath) => new Uri(PublicBaseUri, relativePath.TrimStart('/')).ToString();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            yield return new ValidationResult(
                "App:PublicBaseUrl must be the absolute http(s) address people reach this app at, e.g. https://chat.example.com/ (no query or fragment).",
                [nameof(PublicBaseUrl)]);
        }
    }
}
