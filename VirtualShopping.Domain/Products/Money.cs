namespace VirtualShopping.Domain.Products;

/// <summary>An amount in an ISO 4217 currency (upper case).</summary>
public readonly record struct Money(decimal Amount, string Currency);
