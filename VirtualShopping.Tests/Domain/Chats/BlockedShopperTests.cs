using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary><see cref="BlockedShopper.HashEmail"/>: a blocked shopper's email is kept only as a hash that matches however they type it.</summary>
public sealed class BlockedShopperTests
{
    [Fact]
    public void The_same_address_typed_differently_hashes_the_same_and_is_not_stored_readably()
    {
        var hash = BlockedShopper.HashEmail("lea@example.com");

        Assert.Equal(hash, BlockedShopper.HashEmail("  Lea@Example.COM "));
        Assert.NotEqual(hash, BlockedShopper.HashEmail("leo@example.com"));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_email_has_no_hash(string? email) => Assert.Null(BlockedShopper.HashEmail(email));
}
