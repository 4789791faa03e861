namespace VirtualShopping.Infrastructure.Identity;

/// <summary>
/// One Store App refresh token as the server remembers it. Every sign-in starts a family; each refresh uses
/// up its token and adds the next one to the family. A token used twice means someone else holds a copy: the
/// whole family is revoked. Only a hash of the token's id is kept.
/// </summary>
public sealed class RefreshTokenRecord
{
    /// <summary>SHA-256 (hex) of the token id carried inside the protected refresh token.</summary>
    public string TokenHash { get; set; } = string.Empty;

    /// <summary>Shared by every token descended from the same sign-in.</summary>
    public Guid FamilyId { get; set; }

    public Guid StaffMemberId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
