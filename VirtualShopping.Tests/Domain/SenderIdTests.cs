using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="SenderId.Validate"/>: the sender shown on Left Message SMS replies.</summary>
public sealed class SenderIdTests
{
    [Theory]
    [InlineData("Outfitters")]
    [InlineData("Demo 24")]
    [InlineData("A")]
    [InlineData("z")]
    [InlineData("DemoOutfit1")] // 11 characters, the most allowed
    [InlineData("SHOP 2 GO")]
    public void Alphanumeric_sender_ids_of_up_to_eleven_letters_digits_and_spaces_are_accepted(string senderId)
    {
        var result = SenderId.Validate(senderId);

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("+447700900123")]
    [InlineData("+358401234567")]
    [InlineData("+12025550123")]
    public void Phone_number_senders_in_e164_are_accepted_although_longer_than_eleven_characters(string senderId)
    {
        var result = SenderId.Validate(senderId);

        Assert.True(result.IsValid, result.Error);
    }

    [Theory]
    [InlineData("DemoOutfit12")]
    [InlineData("Outfitters 1")] // 12 characters counting the space
    public void A_sender_id_longer_than_eleven_characters_is_refused_saying_the_limit(string senderId)
    {
        Assert.Equal(12, senderId.Length);

        var result = SenderId.Validate(senderId);

        Assert.False(result.IsValid);
        Assert.Contains("at most 11", result.Error, StringComparison.Ordinal);
        Assert.Contains("characters", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("2024 24")]
    public void A_sender_id_without_a_letter_is_refused_asking_for_one(string senderId)
    {
        var result = SenderId.Validate(senderId);

        Assert.False(result.IsValid);
        Assert.Contains("at least one letter", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Demo-Shop")]
    [InlineData("Demo.Shop")]
    [InlineData("Demo&Co")]
    [InlineData("Häagen")]
    [InlineData("Café")]
    [InlineData("Demo\tShop")]
    public void A_sender_id_with_punctuation_or_non_ascii_letters_is_refused_listing_what_is_allowed(string senderId)
    {
        var result = SenderId.Validate(senderId);

        Assert.False(result.IsValid);
        Assert.Contains("only letters A–Z", result.Error, StringComparison.Ordinal);
        Assert.Contains("spaces", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_sender_id_is_refused_asking_for_one(string? senderId)
    {
        var result = SenderId.Validate(senderId);

        Assert.False(result.IsValid);
        Assert.Contains("Enter a sender ID", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+0123")]              // country codes never start with 0
    [InlineData("+12345678901234567")] // 17 digits, E.164 allows 15
    [InlineData("+44 7700")]           // spaces are not part of E.164
    [InlineData("+44-7700-900123")]
    [InlineData("+")]
    [InlineData("+44770090012a")]
    public void A_malformed_phone_number_sender_is_refused_with_an_e164_example(string senderId)
    {
        var result = SenderId.Validate(senderId);

        Assert.False(result.IsValid);
        Assert.Contains("E.164", result.Error, StringComparison.Ordinal);
        Assert.Contains("+447700900123", result.Error, StringComparison.Ordinal);
    }
}
