using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// Turns the pending changes to audited rows into audit entries (who, when, field, old → new), so no
/// save path can forget to audit. Owned parts (a store's address, its opening hours) are reported as
/// fields of their owner.
/// </summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Ignored = [nameof(IConcurrencyStamped.ConcurrencyStamp), nameof(ITenantOwned.MerchantId)];

    public static List<AuditEntry> Collect(IReadOnlyList<EntityEntry> entries, DateTimeOffset now, Guid? actorId, string actorName)
    {
        var audit = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            if (entry.Entity is IAudited audited && entry.Entity is ITenantOwned owned)
            {
                switch (entry.State)
                {
                    case EntityState.Added:
                        audit.Add(New(audited, owned, AuditAction.Created, string.Empty, null, audited.AuditLabel));
                        break;
                    case EntityState.Deleted:
                        audit.Add(New(audited, owned, AuditAction.Deleted, string.Empty, audited.AuditLabel, null));
                        break;
                    case EntityState.Modified:
                        audit.AddRange(ChangedProperties(entry, string.Empty).Select(c => New(audited, owned, AuditAction.Changed, c.Field, c.Old, c.New)));
                        break;
                }
            }
            else if (entry.Metadata.IsOwned() && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                     && OwnerOf(entry, entries) is { Entity: IAudited ownerAudited and ITenantOwned ownerTenant, State: not EntityState.Added and not EntityState.Deleted })
            {
                var navigation = entry.Metadata.FindOwnership()!.PrincipalToDependent!.Name;
                if (entry.Metadata.FindOwnership()!.IsUnique)
                {
                    audit.AddRange(ChangedProperties(entry, navigation + ".").Select(c => New(ownerAudited, ownerTenant, AuditAction.Changed, c.Field, c.Old, c.New)));
                }
                else if (!audit.Any(a => a.EntityId == ownerAudited.Id && a.Field == navigation))
                {
                    // A collection (e.g. opening hours) is replaced as a whole: one entry says it changed.
                    audit.Add(New(ownerAudited, ownerTenant, AuditAction.Changed, navigation, null, "changed"));
                }
            }
        }

        audit.AddRange(MembershipChanges(entries));

        foreach (var item in audit)
        {
            item.At = now;
            item.ActorStaffId = actorId;
            item.ActorName = actorName;
        }

        return audit;
    }

    /// <summary>
    /// Rows of many-to-many join tables (which teams serve a department, who is in a team) have no
    /// entity of their own: each added or removed link is reported on both audited ends.
    /// </summary>
    private static IEnumerable<AuditEntry> MembershipChanges(IReadOnlyList<EntityEntry> entries)
    {
        foreach (var link in entries.Where(e => e.Metadata.IsPropertyBag && e.State is EntityState.Added or EntityState.Deleted))
        {
            var ends = link.Metadata.GetForeignKeys()
                .Select(fk => entries.FirstOrDefault(e => e.Metadata == fk.PrincipalEntityType
                    && Equals(e.Property(fk.PrincipalKey.Properties[0].Name).CurrentValue, link.Property(fk.Properties[0].Name).CurrentValue ?? link.Property(fk.Properties[0].Name).OriginalValue)))
                .ToList();
            if (ends.Count != 2 || ends[0]?.Entity is not IAudited first || ends[1]?.Entity is not IAudited second)
            {
                continue;
            }

            var verb = link.State == EntityState.Added ? "added" : "removed";
            foreach (var (self, other) in new[] { (first, second), (second, first) })
            {
                if (self is ITenantOwned tenant)
                {
                    yield return New(self, tenant, AuditAction.Changed, Plural(other.GetType().Name), null, $"{verb} {other.AuditLabel}");
                }
            }
        }
    }

    private static string Plural(string typeName) => typeName == "StaffMember" ? "Members" : typeName + "s";

    public static EntityEntry? OwnerOf(EntityEntry owned, IReadOnlyList<EntityEntry> entries)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        var keyValues = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue ?? owned.Property(p.Name).OriginalValue).ToList();
        return entries.FirstOrDefault(e =>
            e.Metadata == ownership.PrincipalEntityType
            && ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(keyValues));
    }

    private static IEnumerable<(string Field, string? Old, string? New)> ChangedProperties(EntityEntry entry, string prefix)
    {
        foreach (var property in entry.Properties.Where(p => p.IsModified && !p.Metadata.IsShadowProperty() && !p.Metadata.IsKey() && !Ignored.Contains(p.Metadata.Name)))
        {
            if (Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }

            var masked = property.Metadata.PropertyInfo?.GetCustomAttribute<AuditMaskedAttribute>() is not null;
            yield return (prefix + property.Metadata.Name,
                masked ? AuditEntry.Masked : Format(property.OriginalValue),
                masked ? AuditEntry.Masked : Format(property.CurrentValue));
        }
    }

    private static AuditEntry New(IAudited audited, ITenantOwned owned, AuditAction action, string field, string? oldValue, string? newValue) => new()
    {
        MerchantId = owned.MerchantId,
        ActorName = string.Empty,
        EntityType = audited.GetType().Name,
        EntityId = audited.Id,
        EntityLabel = AuditEntry.Shorten(audited.AuditLabel) ?? string.Empty,
        Action = action,
        Field = field,
        OldValue = AuditEntry.Shorten(oldValue),
        NewValue = AuditEntry.Shorten(newValue),
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IEnumerable<string> items => string.Join(", ", items),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
