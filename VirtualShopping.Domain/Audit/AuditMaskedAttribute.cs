namespace VirtualShopping.Domain.Audit;

/// <summary>A secret (an API token, a password): the audit log says it changed, never its value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditMaskedAttribute : Attribute;
