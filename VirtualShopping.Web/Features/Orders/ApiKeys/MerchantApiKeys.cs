using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// The current merchant's order API keys: created (the key is returned once, only its SHA-256 is stored), listed
/// (name, prefix, created, last used, revoked) and revoked. Changes are audited (<see cref="MerchantApiKey"/> is audited).
/// </summary>
public sealed class MerchantApiKeys(IDbContextFactory<VirtualShoppingDbContext> contexts, ICurrentMerchant currentMerchant, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.MerchantApiKeys.AsNoTracking()
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt).ToList();
    }

    /// <summary>What is wrong with a key's name (needed, at most 80 characters), or null.</summary>
    public static string? NameProblem(string? name)
    {
        var cleaned = DisplayName.Clean(name);
        return cleaned.Length == 0 ? "Name the key after what uses it, e.g. Order system."
            : cleaned.Length > MerchantApiKey.MaxNameLength ? $"Use at most {MerchantApiKey.MaxNameLength} characters."
            : null;
    }

    public async Task<CreatedApiKey> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        var (key, prefix, hash) = ApiKeySecret.Generate();
        var row = new MerchantApiKey
        {
            Name = DisplayName.Clean(name),
            Prefix = prefix,
            SecretHash = hash,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = currentMerchant.ActorStaffId,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MerchantApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(new ApiKeyRow(row.Id, row.Name, row.Prefix, row.CreatedAt, null, null), key);
    }

    /// <summary>Revokes a key of this merchant: requests with it are refused from now on. False when there is no such key.</summary>
    public async Task<bool> RevokeAsync(Guid keyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.MerchantApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
