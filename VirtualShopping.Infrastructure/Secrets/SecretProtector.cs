using Microsoft.AspNetCore.DataProtection;

namespace VirtualShopping.Infrastructure.Secrets;

/// <summary>
/// Encrypts integration credentials with ASP.NET Core Data Protection (keys kept in the database),
/// so a database dump alone does not reveal them. Only the adapters that call the provider unprotect.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("VirtualShopping.Integrations.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
