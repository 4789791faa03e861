using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Domain.Products;

public sealed class ShareTokenTests
{
    [Fact]
    public void Tokens_are_twelve_unambiguous_letters_and_digits_and_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 2000).Select(_ => ShareToken.Generate()).ToList();

        Assert.All(tokens, t => Assert.True(ShareToken.IsWellFormed(t), t));
        Assert.All(tokens, t => Assert.DoesNotContain(t, c => "0O1lI".Contains(c, StringComparison.Ordinal)));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdefghijk")]
    [InlineData("abcdefghijkmn")]
    [InlineData("abcdefghijk0")]
    [InlineData("abcdefghijk/")]
    [InlineData("../../etc/pa")]
    public void Texts_of_the_wrong_length_or_with_other_characters_are_not_tokens(string? text) =>
        Assert.False(ShareToken.IsWellFormed(text));
}
