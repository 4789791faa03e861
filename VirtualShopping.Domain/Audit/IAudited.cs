namespace VirtualShopping.Domain.Audit;

/// <summary>A row whose every change is written to the audit log: who, when, what, old → new.</summary>
public interface IAudited
{
    Guid Id { get; }

    /// <summary>What people call this row in the audit log, e.g. the store's name.</summary>
    string AuditLabel { get; }
}
