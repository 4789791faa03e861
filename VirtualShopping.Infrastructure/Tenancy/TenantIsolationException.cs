namespace VirtualShopping.Infrastructure.Tenancy;

/// <summary>Thrown when code tries to write a row that belongs to another merchant.</summary>
public sealed class TenantIsolationException : InvalidOperationException
{
    public TenantIsolationException(string entityName)
        : base($"Refused to change a {entityName} that belongs to another merchant.")
    {
    }

    public TenantIsolationException()
    {
    }

    public TenantIsolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
