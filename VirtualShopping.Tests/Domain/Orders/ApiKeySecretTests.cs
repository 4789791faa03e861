using System.Security.Cryptography;
using System.Text;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Tests.Domain.Orders;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_new_key_has_its_prefix_a_secret_of_more_than_128_bits_and_only_its_hash_is_kept()
    {
        var (key, prefix, hash) = ApiKeySecret.Generate();

        Assert.Matches("^vsk_[a-z2-9]{10}_[A-Za-z0-9]{40}$", key);
        Assert.Equal(prefix, ApiKeySecret.PrefixOf(key));
        Assert.True(40 * Math.Log2(62) > 128);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), hash);
        Assert.DoesNotContain(key[15..], hash, StringComparison.Ordinal);
        Assert.NotEqual(key, ApiKeySecret.Generate().Key);
    }

    [Fact]
    public void Only_the_whole_key_matches_its_hash()
    {
        var (key, _, hash) = ApiKeySecret.Generate();

        Assert.True(ApiKeySecret.Matches(key, hash));
        Assert.False(ApiKeySecret.Matches(key[..^1] + (key[^1] == 'a' ? 'b' : 'a'), hash));
        Assert.False(ApiKeySecret.Matches(key, hash[..^1]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("vsk_short_secret")]
    [InlineData("xxx_aaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("vsk_aaaaaaaaaa-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("vsk_aaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")]
    public void A_malformed_key_has_no_prefix(string key) => Assert.Null(ApiKeySecret.PrefixOf(key));
}
