using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Merchants;

/// <summary>
/// The sender shown on Left Message SMS replies: either an alphanumeric sender ID
/// (1–11 characters of A–Z, a–z, 0–9 and space, with at least one letter) or a phone number in E.164.
/// </summary>
public static class SenderId
{
    public const int MaxAlphanumericLength = 11;

    public static RuleResult Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return RuleResult.Fail("Enter a sender ID.");
        }

        if (value.StartsWith('+'))
        {
            return PhoneNumber.IsE164(value)
                ? RuleResult.Ok
                : RuleResult.Fail("A phone number sender must be in E.164 format, e.g. +447700900123.");
        }

        if (value.Length > MaxAlphanumericLength)
        {
            return RuleResult.Fail($"An alphanumeric sender ID can be at most {MaxAlphanumericLength} characters.");
        }

        if (value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == ' ')))
        {
            return RuleResult.Fail("Use only letters A–Z, digits 0–9 and spaces.");
        }

        if (!value.Any(char.IsAsciiLetter))
        {
            return RuleResult.Fail("An alphanumeric sender ID needs at least one letter.");
        }

        return RuleResult.Ok;
    }
}
