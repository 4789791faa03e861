namespace VirtualShopping.Domain.Audit;

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
}
