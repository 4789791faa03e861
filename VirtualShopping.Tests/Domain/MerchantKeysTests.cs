using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

public sealed class MerchantKeysTests
{
    [Fact]
    public void Generated_invite_codes_have_seven_unambiguous_characters_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InviteCode.Generate()).ToList();

        Assert.All(codes, code =>
        {
            Assert.Equal(7, code.Length);
            Assert.True(InviteCode.IsWellFormed(code));
            Assert.DoesNotContain(code, c => c is 'O' or '0' or 'I' or '1' or 'L');
        });
        Assert.True(codes.Distinct().Count() > 190);
    }

    [Theory]
    [InlineData(" abc2def ", true)]
    [InlineData("ABC2DEF", true)]
    [InlineData("ABC2DE", false)]
    [InlineData("ABC2DEFG", false)]
    [InlineData("ABC0DEF", false)]
    [InlineData("ABC-DEF", false)]
    [InlineData(null, false)]
    public void Invite_codes_are_checked_after_trimming_and_upper_casing(string? code, bool wellFormed) =>
        Assert.Equal(wellFormed, InviteCode.IsWellFormed(code));

    [Fact]
    public void Widget_keys_are_prefixed_random_hex()
    {
        var a = WidgetKey.Generate();
        var b = WidgetKey.Generate();

        Assert.Matches("^pk_[0-9a-f]{32}$", a);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("Europe/Helsinki", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("Etc/GMT+3", false)]
    [InlineData(null, false)]
    public void Only_iana_area_city_time_zones_are_offered(string? zone, bool known) =>
        Assert.Equal(known, TimeZones.IsKnown(zone));
}
