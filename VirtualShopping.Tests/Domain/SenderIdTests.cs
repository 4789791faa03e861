using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

public sealed class SenderIdTests
{
    [Theory]
    [InlineData("Outfitters")]
    [InlineData("Demo 24")]
    [InlineData("A")]
    [InlineData("DemoOutfit1")] // 11 characters
    [InlineData("+447700900123")]
    [InlineData("+358401234567")]
    public void Valid_sender_ids_are_accepted(string senderId)
    {
        var result = SenderId.Validate(senderId);

        Assert.True(result.IsValid, result.Error);
    }

    [Theory]
    [InlineData("DemoOutfits12", "at most 11")]
    [InlineData("12345", "at least one letter")]
    [InlineData("Demo-Shop", "letters A–Z, digits 0–9 and spaces")]
    [InlineData("Häagen", "letters A–Z, digits 0–9 and spaces")]
    [InlineData("", "Enter a sender ID")]
    [InlineData("   ", "Enter a sender ID")]
    [InlineData("+0123456", "E.164")]
    [InlineData("+12345678901234567", "E.164")]
    [InlineData("+44 7700", "E.164")]
    public void Invalid_sender_ids_are_refused_with_a_helpful_message(string senderId, string expectedInMessage)
    {
        var result = SenderId.Validate(senderId);

        Assert.False(result.IsValid);
        Assert.Contains(expectedInMessage, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+447700900123", true)]
    [InlineData("+1", false)]
    [InlineData("447700900123", false)]
    [InlineData("+44770090012a", false)]
    [InlineData("+123456789012345", true)]
    [InlineData("+1234567890123456", false)]
    [InlineData(null, false)]
    public void Phone_numbers_must_be_e164(string? number, bool valid) =>
        Assert.Equal(valid, PhoneNumber.IsE164(number));
}
