using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Tests.Domain.Settings;

/// <summary><see cref="SafeUrl"/>: the one rule for URLs merchants put into settings.</summary>
public sealed class SafeUrlTests
{
    [Theory]
    [InlineData("https://www.example.com")]
    [InlineData("https://www.example.com/help/contact?lang=fi#form")]
    [InlineData("https://example.com:8443/a/b")]
    [InlineData("https://www.example.com/path%20with%20escapes")]
    [InlineData("https://kauppa.example/naiset/kengät")]
    public void Absolute_https_urls_with_a_host_are_accepted(string url) => Assert.True(SafeUrl.IsHttps(url));

    [Theory]
    [InlineData("https://ok.example/\"><script>alert(1)</script>")]
    [InlineData("https://ok.example/<b>")]
    [InlineData("https://ok.example/a>b")]
    [InlineData("https://ok.example/`x`")]
    [InlineData("https://ok.example/it's")]
    [InlineData("https://ok.example/{x}")]
    [InlineData("https://ok.example/a|b")]
    [InlineData("https://ok.example/a\\b")]
    [InlineData("https://ok.example/a^b")]
    [InlineData("https://ok.example/a b")]
    [InlineData("https://ok.example/a\tb")]
    [InlineData("https://ok.example/a\nb")]
    [InlineData("https://ok.example/a\u0000b")]
    [InlineData("https://ok.example/rtl\u202Eexe.txt")]
    [InlineData("https://ok.example/zero\u200Bwidth")]
    [InlineData(" https://ok.example/")]
    public void Urls_with_characters_that_break_out_of_html_or_headers_are_refused(string url) => Assert.False(SafeUrl.IsHttps(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("www.example.com")]
    [InlineData("/relative/path")]
    [InlineData("http://www.example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://files.example.com")]
    [InlineData("https://user:pass@evil.example/")]
    [InlineData("https://www.example.com@evil.example/")]
    public void Anything_but_an_absolute_https_url_without_user_info_is_refused(string? url) => Assert.False(SafeUrl.IsHttps(url));

    [Fact]
    public void An_overlong_url_is_refused() =>
        Assert.False(SafeUrl.IsHttps("https://www.example.com/" + new string('a', SafeUrl.MaxLength)));

    [Theory]
    [InlineData("https://www.example.com", true)]
    [InlineData("https://www.example.com/", true)]
    [InlineData("http://localhost:5032", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://www.example.com", false)]
    [InlineData("https://www.example.com/shop", false)]
    [InlineData("https://www.example.com?x=1", false)]
    [InlineData("https://www.example.com\"><script>", false)]
    [InlineData("https://www.exa'mple.com", false)]
    [InlineData("https://user@www.example.com", false)]
    public void Origins_are_https_sites_without_a_path_or_local_http(string origin, bool valid) => Assert.Equal(valid, SafeUrl.IsOrigin(origin));

    [Theory]
    [InlineData("*/checkout*", true)]
    [InlineData("https://www.example.com/women/*", true)]
    [InlineData("*/\"><img src=x onerror=alert(1)>*", false)]
    [InlineData("*/it's*", false)]
    [InlineData("*/a b*", false)]
    public void Url_patterns_take_the_same_safe_characters(string pattern, bool valid) => Assert.Equal(valid, UrlPattern.IsValid(pattern));

    [Theory]
    [InlineData("https://shop.example", "https://shop.example", true)]
    [InlineData("https://SHOP.example/", "https://shop.example", true)]
    [InlineData("https://shop.example", " https://Shop.Example/ ", true)]
    [InlineData("https://shop.example", "https://shop.example.evil.example", false)]
    [InlineData("https://shop.example", "http://shop.example", false)]
    [InlineData("https://shop.example", "", false)]
    [InlineData("https://shop.example", null, false)]
    public void An_origin_is_listed_whatever_its_case_or_trailing_slash(string listed, string? origin, bool expected) =>
        Assert.Equal(expected, SafeUrl.IsListedOrigin([listed], origin));
}
