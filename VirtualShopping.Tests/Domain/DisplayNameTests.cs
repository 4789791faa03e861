using VirtualShopping.Domain.Common;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="DisplayName.Clean"/>: names shown to people carry no control, direction or invisible characters.</summary>
public sealed class DisplayNameTests
{
    [Fact]
    public void An_ordinary_name_is_kept_as_typed()
    {
        Assert.Equal("Zoë O'Brien-Łukasz", DisplayName.Clean("Zoë O'Brien-Łukasz"));
        Assert.Equal("محمد", DisplayName.Clean("محمد"));
        Assert.Equal("山田 太郎", DisplayName.Clean("山田 太郎"));
    }

    [Fact]
    public void A_right_to_left_override_cannot_turn_a_name_around()
    {
        Assert.Equal("rtlexe.txt", DisplayName.Clean("rtl\u202Eexe.txt"));
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    [InlineData('\u200B')]
    [InlineData('\uFEFF')]
    public void Every_bidi_control_and_invisible_format_character_is_removed(char invisible)
    {
        Assert.Equal("Menswear", DisplayName.Clean($"{invisible}Mens{invisible}wear{invisible}"));
    }

    [Fact]
    public void Nul_and_other_control_characters_are_removed()
    {
        Assert.Equal("Sam Taylor", DisplayName.Clean("Sam\u0000 Tay\u0007lor\u001b\u007f"));
    }

    [Fact]
    public void Whitespace_runs_and_line_breaks_become_one_space_and_the_ends_are_trimmed()
    {
        Assert.Equal("Oxford Street London", DisplayName.Clean("  Oxford \t Street\r\n\u00A0London  "));
    }

    [Fact]
    public void Emoji_sequences_keep_their_joiner_but_a_lone_joiner_goes()
    {
        Assert.Equal("Dev \U0001F469\u200D\U0001F4BB", DisplayName.Clean("Dev \U0001F469\u200D\U0001F4BB"));
        Assert.Equal("Ann", DisplayName.Clean("\u200DAnn \u200D"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u202E\u200B\u0000")]
    public void A_name_of_nothing_visible_becomes_empty(string? typed)
    {
        Assert.Equal(string.Empty, DisplayName.Clean(typed));
    }
}
