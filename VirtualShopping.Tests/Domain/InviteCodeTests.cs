using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="InviteCode"/>: the seven-character code experts use to join a merchant.</summary>
public sealed class InviteCodeTests
{
    [Fact]
    public void Generated_codes_have_seven_unambiguous_characters_and_are_well_formed()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InviteCode.Generate()).ToList();

        Assert.All(codes, code =>
        {
            Assert.Equal(InviteCode.Length, code.Length);
            Assert.Equal(7, code.Length);
            Assert.True(InviteCode.IsWellFormed(code), code);
            Assert.Equal(code, InviteCode.Normalize(code));
            Assert.DoesNotContain(code, c => c is 'O' or '0' or 'I' or '1' or 'L');
        });
    }

    [Fact]
    public void Generated_codes_differ_from_each_other()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InviteCode.Generate()).ToList();

        // 31^7 possible codes: a handful of repeats among 200 would already mean something is wrong.
        Assert.True(codes.Distinct(StringComparer.Ordinal).Count() > 190);
    }

    [Theory]
    [InlineData(" abc2def ", "ABC2DEF")]
    [InlineData("\tx7kq9mz\n", "X7KQ9MZ")]
    [InlineData("ABC2DEF", "ABC2DEF")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Normalizing_trims_and_upper_cases(string? code, string normalized) =>
        Assert.Equal(normalized, InviteCode.Normalize(code));

    [Theory]
    [InlineData("ABC2DEF")]
    [InlineData(" abc2def ")]
    [InlineData("HJKMNPQ")]
    [InlineData("RSTUVWX")]
    [InlineData("YZ23456")]
    [InlineData("789ABCD")]
    public void Codes_typed_in_any_case_with_surrounding_spaces_are_well_formed(string code) =>
        Assert.True(InviteCode.IsWellFormed(code));

    [Theory]
    [InlineData("ABCDEFO")] // letter O
    [InlineData("ABCDEF0")] // digit zero
    [InlineData("ABCDEFI")] // letter I
    [InlineData("ABCDEF1")] // digit one
    [InlineData("ABCDEFL")] // letter L
    [InlineData("abcdefo")] // lower-case o becomes O
    [InlineData("abcdefl")] // lower-case l becomes L
    public void Codes_with_ambiguous_characters_are_not_well_formed(string code) =>
        Assert.False(InviteCode.IsWellFormed(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABC2DE")]   // six characters
    [InlineData("ABC2DEFG")] // eight characters
    [InlineData("ABC DEF")]  // inner space
    [InlineData("ABC-DEF")]  // punctuation
    [InlineData("ABC2DÉF")]  // non-ASCII letter
    public void Codes_of_the_wrong_length_or_with_other_characters_are_not_well_formed(string? code) =>
        Assert.False(InviteCode.IsWellFormed(code));
}
