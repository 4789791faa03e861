using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Tests.Domain;

public sealed class DisplayRulesTests
{
    [Theory]
    [InlineData("*/checkout*", "https://shop.example.com/checkout/step-1", true)]
    [InlineData("*/checkout*", "https://shop.example.com/women/dresses", false)]
    [InlineData("https://shop.example.com/women/*", "https://shop.example.com/WOMEN/dresses", true)]
    [InlineData("https://shop.example.com/women/*", "https://shop.example.com/men/shirts", false)]
    [InlineData("*", "https://anything.example", true)]
    [InlineData("*.pdf", "https://shop.example.com/size-guide.pdf", true)]
    [InlineData("*a*b*c", "xxaxxbxxcxxc", true)]
    public void Url_patterns_match_with_wildcards_ignoring_case(string pattern, string url, bool matches) =>
        Assert.Equal(matches, UrlPattern.Matches(pattern, url));

    [Fact]
    public void Excludes_win_over_includes_and_no_includes_means_everywhere()
    {
        var everywhere = new ChatSettings { ExcludeUrlPatterns = ["*/checkout*"] };
        var womenOnly = new ChatSettings { IncludeUrlPatterns = ["*/women/*"], ExcludeUrlPatterns = ["*/women/sale/*"] };

        Assert.True(everywhere.ShowsOn("https://shop.example.com/men/shirts"));
        Assert.False(everywhere.ShowsOn("https://shop.example.com/checkout"));
        Assert.True(womenOnly.ShowsOn("https://shop.example.com/women/dresses"));
        Assert.False(womenOnly.ShowsOn("https://shop.example.com/women/sale/dresses"));
        Assert.False(womenOnly.ShowsOn("https://shop.example.com/men/shirts"));
    }

    [Theory]
    [InlineData("*/checkout*", true)]
    [InlineData("***", false)]
    [InlineData("with space", false)]
    [InlineData("", false)]
    public void Patterns_must_say_something(string pattern, bool valid) => Assert.Equal(valid, UrlPattern.IsValid(pattern));

    [Theory]
    [InlineData("#FFFFFF", "#000000", 21.0)]
    [InlineData("#3F3A8C", "#FFFFFF", 9.6)]
    [InlineData("#777777", "#FFFFFF", 4.5)]
    public void Contrast_ratios_follow_wcag(string a, string b, double expected) =>
        Assert.Equal(expected, Math.Round(ColourContrast.Ratio(a, b), 1));

    [Fact]
    public void Texts_fall_back_to_the_default_language_and_unknown_languages_get_the_default()
    {
        var settings = new ChatSettings
        {
            DefaultLanguage = "en",
            Languages = ["en", "fr"],
            Texts = [new ChatText { Language = "en", Key = ChatText.Greeting, Value = "Hi" }, new ChatText { Language = "fr", Key = ChatText.Greeting, Value = "Salut" }],
        };

        Assert.Equal("Salut", settings.TextFor(ChatText.Greeting, "fr"));
        Assert.Equal("Hi", settings.TextFor(ChatText.Greeting, "de"));
        Assert.Null(settings.TextFor(ChatText.MissedChat, "fr"));
        Assert.Equal("en", settings.LanguageFor("ja"));
        Assert.Equal("fr", settings.LanguageFor("fr"));
    }
}
