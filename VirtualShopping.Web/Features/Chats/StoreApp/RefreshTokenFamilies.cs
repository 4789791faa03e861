using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Server-side memory of the Store App's refresh tokens, which stay ASP.NET Core's protected refresh tickets
/// carrying a token id and a family id. A refresh uses its token up and the next one joins the family; a token
/// presented a second time means two parties hold it, so the whole family is revoked and both must sign in
/// again. Deactivation revokes every family of the person.
/// </summary>
public sealed partial class RefreshTokenFamilies(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    TimeProvider clock,
    ILogger<RefreshTokenFamilies> logger)
{
    public const string TokenIdClaim = "vs_refresh_token";

    public const string FamilyIdClaim = "vs_refresh_family";

    /// <summary>
    /// Records the next refresh token of a family (a new family for a password sign-in) and puts its ids into
    /// the principal about to be signed in with the bearer token scheme.
    /// </summary>
    public async Task IssueAsync(ClaimsPrincipal principal, Guid staffMemberId, Guid? familyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var tokenId = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var family = familyId ?? Guid.NewGuid();
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (familyId is null)
        {
            // Expired records are of no more use: a new sign-in clears the person's.
            await db.RefreshTokens.Where(t => t.StaffMemberId == staffMemberId && t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        }

        db.RefreshTokens.Add(new RefreshTokenRecord
        {
            TokenHash = Hash(tokenId),
            FamilyId = family,
            StaffMemberId = staffMemberId,
            IssuedAt = now,
            ExpiresAt = now + ExpertTokens.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(TokenIdClaim, tokenId));
        identity.AddClaim(new Claim(FamilyIdClaim, family.ToString()));
    }

    /// <summary>
    /// Uses up the refresh token behind an unprotected refresh ticket and answers its family, or null when the
    /// token is unknown, expired, revoked or already used (which revokes its family).
    /// </summary>
    public async Task<Guid?> RedeemAsync(ClaimsPrincipal refreshTicket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refreshTicket);
        if (refreshTicket.FindFirstValue(TokenIdClaim) is not { Length: > 0 } tokenId)
        {
            return null;
        }

        var hash = Hash(tokenId);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Decided by the database, so two refreshes racing with one token cannot both win.
        var redeemed = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        var record = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (redeemed == 1)
        {
            return record.FamilyId;
        }

        if (record.UsedAt is not null && record.RevokedAt is null)
        {
            await db.RefreshTokens.Where(t => t.FamilyId == record.FamilyId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            LogReuse(logger, record.FamilyId, record.StaffMemberId);
        }

        return null;
    }

    /// <summary>Revokes every refresh token family of a person (deactivation): the Store App must sign in again.</summary>
    public async Task RevokeAllAsync(Guid staffMemberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.StaffMemberId == staffMemberId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private static string Hash(string tokenId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tokenId)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A used refresh token was presented again: token family {FamilyId} of staff member {StaffMemberId} revoked")]
    private static partial void LogReuse(ILogger logger, Guid familyId, Guid staffMemberId);
}
