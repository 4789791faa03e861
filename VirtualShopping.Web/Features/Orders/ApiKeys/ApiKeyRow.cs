namespace VirtualShopping.Web.Features.Orders;

/// <summary>An API key as the Integrations page lists it: never the secret, only its public prefix.</summary>
public sealed record ApiKeyRow(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>How the key begins, as people recognise it: vsk_{prefix}_…</summary>
    public string Shown => $"vsk_{Prefix}_…";

    public bool IsActive => RevokedAt is null;
}
