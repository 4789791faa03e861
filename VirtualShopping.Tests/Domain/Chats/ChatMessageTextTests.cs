using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary><see cref="ChatMessage.CleanText"/>: what a person typed, trimmed and stripped of control characters, 1 to 2000 characters.</summary>
public sealed class ChatMessageTextTests
{
    [Fact]
    public void Ordinary_text_is_kept_as_typed()
    {
        var (text, result) = ChatMessage.CleanText("Do you have these boots in size 42?");

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Error);
        Assert.Equal("Do you have these boots in size 42?", text);
    }

    [Fact]
    public void Spaces_and_line_breaks_around_the_text_are_trimmed()
    {
        var (text, result) = ChatMessage.CleanText("  \n\t Hello there \r\n  ");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("Hello there", text);
    }

    [Fact]
    public void Control_characters_are_removed_but_line_breaks_and_tabs_inside_the_text_stay()
    {
        var (text, result) = ChatMessage.CleanText("Line one\u0000\nLine\u0007 two\n\tindented\u001b[31m\u007f");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("Line one\nLine two\n\tindented[31m", text);
    }

    [Fact]
    public void Windows_line_breaks_become_plain_line_breaks()
    {
        var (text, _) = ChatMessage.CleanText("First\r\nSecond");

        Assert.Equal("First\nSecond", text);
    }

    [Fact]
    public void Text_that_is_only_control_characters_around_a_word_keeps_the_word()
    {
        var (text, result) = ChatMessage.CleanText("\u0001 ok \u0002");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("ok", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   \t \n \r\n ")]
    [InlineData("\u0000\u0001\u0007")]
    [InlineData(" \u0000 \u001f ")]
    public void An_empty_message_is_refused(string? typed)
    {
        var (text, result) = ChatMessage.CleanText(typed);

        Assert.False(result.IsValid);
        Assert.Equal("Type a message.", result.Error);
        Assert.Null(text);
    }

    [Fact]
    public void A_message_of_exactly_two_thousand_characters_is_accepted()
    {
        var typed = new string('a', ChatMessage.MaxTextLength);

        var (text, result) = ChatMessage.CleanText(typed);

        Assert.Equal(2000, ChatMessage.MaxTextLength);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(typed, text);
    }

    [Fact]
    public void A_message_of_two_thousand_and_one_characters_is_refused_with_its_length()
    {
        var (text, result) = ChatMessage.CleanText(new string('a', 2001));

        Assert.False(result.IsValid);
        Assert.Null(text);
        Assert.Contains("2000", result.Error, StringComparison.Ordinal);
        Assert.Contains("2001", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_limit_counts_the_cleaned_text()
    {
        var typed = "   " + new string('a', 2000) + "\u0000\u0000   ";

        var (text, result) = ChatMessage.CleanText(typed);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(2000, text!.Length);
    }

    [Theory]
    [InlineData("<script>alert('hi')</script>")]
    [InlineData("<b>bold</b> & <i>more</i>")]
    [InlineData("5 < 6 && 7 > 3")]
    [InlineData("Tom &amp; Jerry")]
    public void Markup_is_kept_verbatim_because_messages_are_never_rendered_as_html(string typed)
    {
        var (text, result) = ChatMessage.CleanText(typed);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(typed, text);
    }

    [Theory]
    [InlineData("Hyvää päivää! Onko teillä tätä mallia?")]
    [InlineData("こんにちは")]
    [InlineData("👢 in 42? 👍")]
    public void Letters_from_any_language_and_emoji_are_kept(string typed)
    {
        var (text, result) = ChatMessage.CleanText(typed);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(typed, text);
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u202E \u200B")]
    public void A_message_of_only_invisible_characters_is_refused(string typed) =>
        Assert.False(ChatMessage.CleanText(typed).Result.IsValid);

    [Fact]
    public void Direction_overrides_and_zero_width_spaces_are_removed_but_emoji_joiners_stay()
    {
        var (text, result) = ChatMessage.CleanText("pay\u202Efdp.exe \u200Bhi \U0001F469\u200D\U0001F4BB");

        Assert.True(result.IsValid);
        Assert.Equal("payfdp.exe hi \U0001F469\u200D\U0001F4BB", text);
    }
}
