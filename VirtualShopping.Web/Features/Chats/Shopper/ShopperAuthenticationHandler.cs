using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Authenticates the chat widget by its shopper session token: "Authorization: Bearer {token}", or the
/// access_token query parameter that SignalR's browser client uses for WebSockets on the shopper hub.
/// </summary>
public sealed class ShopperAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ShopperSessionTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ShopperSession.BearerToken(Request)
            ?? (Request.Path.StartsWithSegments(ShopperHub.Path) ? Request.Query["access_token"].ToString() : null);
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(tokens.Read(token) is { } session
            ? AuthenticateResult.Success(new AuthenticationTicket(ShopperSession.Principal(session.MerchantId, session.ShopperId), Scheme.Name))
            : AuthenticateResult.Fail("The shopper session token is not valid or has expired."));
    }
}
