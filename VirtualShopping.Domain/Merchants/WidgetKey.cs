using System.Security.Cryptography;

namespace VirtualShopping.Domain.Merchants;

/// <summary>Public key that identifies a merchant's chat widget on its website.</summary>
public static class WidgetKey
{
    public static string Generate() => "pk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
