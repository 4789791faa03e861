using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="PhoneNumber.IsE164"/>: a plus sign, a country code not starting with 0, at most 15 digits.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+447700900123")]
    [InlineData("+358401234567")]
    [InlineData("+12025550123")]
    [InlineData("+123456789012345")] // 15 digits, the most allowed
    public void Numbers_in_e164_are_accepted(string number) =>
        Assert.True(PhoneNumber.IsE164(number));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("+1")]
    [InlineData("447700900123")]        // no plus sign
    [InlineData("00447700900123")]      // international prefix instead of a plus sign
    [InlineData("+0123")]               // country code starting with 0
    [InlineData("+1234567890123456")]   // 16 digits
    [InlineData("+12345678901234567")]  // 17 digits
    [InlineData("+44 7700")]            // space
    [InlineData("+44-7700900123")]      // dash
    [InlineData("+44770090012a")]       // letter
    [InlineData("++447700900123")]      // second plus sign
    [InlineData("+447700900123 ")]      // trailing space
    [InlineData("+\u0664\u0664\u0667\u0667")] // Arabic-Indic digits are not ASCII digits
    public void Anything_else_is_not_e164(string? number) =>
        Assert.False(PhoneNumber.IsE164(number));
}
