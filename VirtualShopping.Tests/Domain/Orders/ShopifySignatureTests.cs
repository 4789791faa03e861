using System.Security.Cryptography;
using System.Text;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Tests.Domain.Orders;

public sealed class ShopifySignatureTests
{
    private const string Secret = "hush";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":1,"subtotal_price":"10.00"}""");

    [Fact]
    public void The_signature_is_base64_of_hmac_sha256_over_the_raw_body()
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        Assert.Equal(expected, ShopifySignature.Of(Secret, Body));
        Assert.True(ShopifySignature.IsValid(Secret, Body, expected));
    }

    [Fact]
    public void Another_secret_a_changed_body_or_a_malformed_header_is_refused()
    {
        var signature = ShopifySignature.Of(Secret, Body);
        var changed = Encoding.UTF8.GetBytes("""{"id":1,"subtotal_price":"1.00"}""");

        Assert.False(ShopifySignature.IsValid("other", Body, signature));
        Assert.False(ShopifySignature.IsValid(Secret, changed, signature));
        Assert.False(ShopifySignature.IsValid(Secret, Body, null));
        Assert.False(ShopifySignature.IsValid(Secret, Body, "not base64!"));
        Assert.False(ShopifySignature.IsValid(Secret, Body, Convert.ToBase64String(new byte[16])));
        Assert.False(ShopifySignature.IsValid(Secret, Body, new string('A', 200)));
    }
}
