using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// Authenticates a merchant's back end by its API key: "Authorization: Bearer vsk_…". The key's prefix finds the
/// row, its SHA-256 is compared with the stored hash in constant time, and a revoked key, a key of a deactivated
/// merchant, an unknown or a malformed key is refused with a 401 problem. The principal works in the key's merchant
/// only. LastUsedAt is written at most once a minute per key.
/// </summary>
public sealed class MerchantApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MerchantApiKey";

    /// <summary>The key's row id on the principal.</summary>
    public const string KeyIdClaim = "vs_api_key";

    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        const string bearer = "Bearer ";
        var key = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : null;
        if (ApiKeySecret.PrefixOf(key) is not { } prefix)
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        await using var db = await Context.RequestServices.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(Context.RequestAborted);
        var row = await (
                from k in db.MerchantApiKeys.IgnoreQueryFilters().AsNoTracking()
                join m in db.Merchants.AsNoTracking() on k.MerchantId equals m.Id
                where k.Prefix == prefix && m.IsActive
                select new { k.Id, k.MerchantId, k.Name, k.SecretHash, k.RevokedAt, k.LastUsedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (row is null || !ApiKeySecret.Matches(key!, row.SecretHash) || row.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var now = clock.GetUtcNow();
        if (row.LastUsedAt is null || row.LastUsedAt < now - LastUsedResolution)
        {
            var stale = now - LastUsedResolution;
            await db.MerchantApiKeys.IgnoreQueryFilters()
                .Where(k => k.Id == row.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(VirtualShoppingClaims.MerchantId, row.MerchantId.ToString()),
                new Claim(KeyIdClaim, row.Id.ToString()),
                new Claim(ClaimTypes.Name, $"API key {row.Name}"),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        await Results.Problem(
                result.Failure?.Message is { } reason
                    ? reason + " Create a key on the Integrations page and send it as Authorization: Bearer vsk_…"
                    : "Send your API key as Authorization: Bearer vsk_… (create one on the Integrations page).",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key needed")
            .ExecuteAsync(Context);
    }
}
