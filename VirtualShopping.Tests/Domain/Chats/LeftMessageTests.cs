using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// <see cref="LeftMessage.Problems"/> and <see cref="LeftMessage.IsEmail"/>: a message left when no expert could chat needs a
/// name, a way to answer (an email address and/or an E.164 phone number) and some text.
/// </summary>
public sealed class LeftMessageTests
{
    private const string Text = "Do you have these boots in size 42?";

    [Theory]
    [InlineData("Aino", "aino@example.com", null)]
    [InlineData("Aino", null, "+447700900123")]
    [InlineData("Aino", "aino@example.com", "+358401234567")]
    [InlineData("  Aino Virtanen  ", "  aino.virtanen@example.co.uk  ", "  +14155550123  ")]
    [InlineData("Aino", "aino@example.com", "")]
    [InlineData("Aino", "   ", "+447700900123")]
    public void A_complete_message_has_no_problems(string name, string? email, string? phone) =>
        Assert.Empty(LeftMessage.Problems(name, email, phone, Text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_message_needs_a_name(string? name)
    {
        var problems = LeftMessage.Problems(name, "aino@example.com", null, Text).ToList();

        Assert.Equal([("name", "Tell us your name.")], problems);
    }

    [Fact]
    public void A_name_longer_than_eighty_characters_is_refused()
    {
        Assert.Empty(LeftMessage.Problems(new string('a', 80), "aino@example.com", null, Text));

        var problems = LeftMessage.Problems(new string('a', 81), "aino@example.com", null, Text).ToList();

        Assert.Equal("name", Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  ", " ")]
    public void A_message_needs_an_email_address_or_a_phone_number(string? email, string? phone)
    {
        var problems = LeftMessage.Problems("Aino", email, phone, Text).ToList();

        Assert.Equal([("email", "Give an email address or a phone number so we can answer.")], problems);
    }

    [Theory]
    [InlineData("aino")]
    [InlineData("aino@")]
    [InlineData("@example.com")]
    [InlineData("aino@example")]
    [InlineData("aino example@example.com")]
    [InlineData("Aino <aino@example.com>")]
    [InlineData("aino@@example.com")]
    public void A_malformed_email_address_is_refused(string email)
    {
        var problems = LeftMessage.Problems("Aino", email, null, Text).ToList();

        Assert.Equal([("email", "Enter an email address like name@example.com.")], problems);
        Assert.False(LeftMessage.IsEmail(email));
    }

    [Fact]
    public void A_malformed_email_address_is_refused_even_with_a_good_phone_number()
    {
        var problems = LeftMessage.Problems("Aino", "not-an-email", "+447700900123", Text).ToList();

        Assert.Equal(["email"], problems.Select(p => p.Field));
    }

    [Fact]
    public void An_email_address_of_up_to_254_characters_is_accepted_and_a_longer_one_refused()
    {
        Assert.Equal(254, LeftMessage.MaxEmailLength);

        Assert.True(LeftMessage.IsEmail(EmailOfLength(254)));
        Assert.False(LeftMessage.IsEmail(EmailOfLength(255)));
        Assert.Equal(["email"], LeftMessage.Problems("Aino", EmailOfLength(255), null, Text).Select(p => p.Field));
    }

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("07700900123")]
    [InlineData("447700900123")]
    [InlineData("+44 7700 900123")]
    [InlineData("+44-7700-900123")]
    [InlineData("+07700900123")]
    [InlineData("+1")]
    [InlineData("+12345678901234567")]
    [InlineData("phone me")]
    public void A_phone_number_not_in_international_form_is_refused(string phone)
    {
        var problems = LeftMessage.Problems("Aino", null, phone, Text).ToList();

        Assert.Equal([("phone", "Enter the phone number in international form, e.g. +447700900123.")], problems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\n")]
    public void A_message_needs_some_text(string? text)
    {
        var problems = LeftMessage.Problems("Aino", "aino@example.com", null, text).ToList();

        Assert.Equal([("text", "Type a message.")], problems);
    }

    [Fact]
    public void Text_longer_than_two_thousand_characters_is_refused()
    {
        Assert.Empty(LeftMessage.Problems("Aino", "aino@example.com", null, new string('a', 2000)));

        var problems = LeftMessage.Problems("Aino", "aino@example.com", null, new string('a', 2001)).ToList();

        Assert.Equal("text", Assert.Single(problems).Field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = LeftMessage.Problems(" ", "nope", "0770", "").ToList();

        Assert.Equal(["name", "email", "phone", "text"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Nothing_entered_at_all_reports_name_contact_and_text()
    {
        var problems = LeftMessage.Problems(null, null, null, null).ToList();

        Assert.Equal(["name", "email", "text"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("aino@example.com")]
    [InlineData("aino.virtanen@example.co.uk")]
    [InlineData("aino+shop@sub.example.fi")]
    public void Ordinary_email_addresses_are_accepted(string email) =>
        Assert.True(LeftMessage.IsEmail(email));

    /// <summary>aaa…@bbb….bbb….bbb….ccc of exactly <paramref name="length"/> characters (at least 249).</summary>
    private static string EmailOfLength(int length)
    {
        var address = $"{new string('a', 64)}@{new string('b', 60)}.{new string('b', 60)}.{new string('b', 60)}.{new string('c', length - 248)}";
        Assert.Equal(length, address.Length);
        return address;
    }

    [Theory]
    [InlineData("first.last@localhost")]
    [InlineData("name@example.")]
    public void An_email_address_needs_a_domain_with_a_dot(string email) =>
        Assert.False(LeftMessage.IsEmail(email));
}
