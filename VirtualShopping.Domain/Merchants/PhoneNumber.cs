namespace VirtualShopping.Domain.Merchants;

/// <summary>Phone numbers in E.164: a plus sign, a country code that does not start with 0, at most 15 digits.</summary>
public static class PhoneNumber
{
    public static bool IsE164(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 3 || value.Length > 16 || value[0] != '+')
        {
            return false;
        }

        var digits = value.AsSpan(1);
        return digits[0] is >= '1' and <= '9' && digits.IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
