using System.Net;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>
/// The code a merchant pastes into their site (WIDGET-CONTRACT.md "Public JS API"): a queue stub, so vs('open') works
/// before anything has loaded, then the loader from this app's public address (App:PublicBaseUrl, never the request's host).
/// </summary>
public static class WidgetSnippet
{
    private const string Stub = "window.vs = window.vs || function () { (window.vs.q = window.vs.q || []).push(arguments); };";

    public static string LoaderUrl(Uri publicBase) => new Uri(publicBase, "widget/loader.js").ToString();

    /// <summary>
    /// For the page's HTML (in the head, or before &lt;/body&gt;). A site with a nonce-based Content-Security-Policy
    /// gives both scripts its per-response <paramref name="nonce"/>.
    /// </summary>
    public static string Html(Uri publicBase, string publicKey, string? nonce = null)
    {
        var withNonce = nonce is null ? string.Empty : $" nonce=\"{WebUtility.HtmlEncode(nonce)}\"";
        return $"<script{withNonce}>\n  {Stub}\n</script>\n<script src=\"{WebUtility.HtmlEncode(LoaderUrl(publicBase))}\" data-key=\"{WebUtility.HtmlEncode(publicKey)}\" async{withNonce}></script>";
    }

    /// <summary>For a Google Tag Manager Custom HTML tag: the same stub, then the loader added as an async script.</summary>
    public static string TagManager(Uri publicBase, string publicKey) =>
        $"<script>\n  {Stub}\n  (function (d) {{\n    var s = d.createElement('script'); s.async = true;\n    s.src = '{LoaderUrl(publicBase)}';\n    s.setAttribute('data-key', '{publicKey}'); d.head.appendChild(s);\n  }})(document);\n</script>";

    /// <summary>The origin a merchant's Content-Security-Policy must allow, e.g. https://chat.example.com.</summary>
    public static string Origin(Uri publicBase) => publicBase.GetLeftPart(UriPartial.Authority);
}
