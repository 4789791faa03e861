using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="WidgetKey.Generate"/>: the public key in a merchant's widget snippet.</summary>
public sealed class WidgetKeyTests
{
    [Fact]
    public void A_widget_key_is_pk_followed_by_32_lower_case_hex_digits()
    {
        var key = WidgetKey.Generate();

        Assert.Matches("^pk_[0-9a-f]{32}$", key);
        Assert.Equal(35, key.Length);
    }

    [Fact]
    public void Widget_keys_differ_from_each_other()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => WidgetKey.Generate()).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
