namespace VirtualShopping.Web.Features.Chats;

/// <summary>The Store App's bearer tokens: locally issued ones, or Entra ID access tokens when Entra is configured.</summary>
public static class ExpertTokens
{
    /// <summary>Locally issued tokens (ASP.NET Core bearer tokens protected with Data Protection).</summary>
    public const string Scheme = "ExpertBearer";

    /// <summary>Entra ID access tokens, validated by Microsoft.Identity.Web.</summary>
    public const string EntraScheme = "EntraBearer";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);

    /// <summary>SignalR's WebSocket transport cannot send headers: on the expert hub the token comes in the query.</summary>
    public static string? HubQueryToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(ExpertHub.Path) && request.Query["access_token"] is { Count: > 0 } token ? token.ToString() : null;
    }
}
