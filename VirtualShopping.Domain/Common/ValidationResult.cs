namespace VirtualShopping.Domain.Common;

/// <summary>Outcome of a domain check: valid, or refused with a message a person can act on.</summary>
public readonly record struct RuleResult(bool IsValid, string? Error)
{
    public static RuleResult Ok { get; } = new(true, null);

    public static RuleResult Fail(string error) => new(false, error);
}
