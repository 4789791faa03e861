using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Domain.Products;

public sealed class OneOffShareTests
{
    [Theory]
    [InlineData("link", null, ShareChannel.Link)]
    [InlineData("QR", null, ShareChannel.Qr)]
    [InlineData("sms", " +447700900123 ", ShareChannel.Sms)]
    [InlineData("email", "name@example.com", ShareChannel.Email)]
    public void Each_channel_is_read_with_its_recipient_trimmed(string channel, string? to, ShareChannel expected)
    {
        var (share, problems) = OneOffShare.Read(channel, to, "  ");

        Assert.Empty(problems);
        Assert.Equal(new OneOffShare(expected, to?.Trim(), null), share);
    }

    [Theory]
    [InlineData(null, null, "channel")]
    [InlineData("chat", null, "channel")]
    [InlineData("whatsapp", "+447700900123", "channel")]
    [InlineData("sms", null, "to")]
    [InlineData("sms", "07700 900123", "to")]
    [InlineData("sms", "name@example.com", "to")]
    [InlineData("email", "+447700900123", "to")]
    [InlineData("email", "name@localhost", "to")]
    [InlineData("link", "name@example.com", "to")]
    public void A_bad_channel_or_recipient_is_refused_naming_the_field(string? channel, string? to, string field)
    {
        var (share, problems) = OneOffShare.Read(channel, to, null);

        Assert.Null(share);
        Assert.Equal(field, Assert.Single(problems).Field);
    }

    [Fact]
    public void A_note_may_have_up_to_300_characters_and_line_breaks()
    {
        Assert.Empty(OneOffShare.Read("link", null, new string('a', 150) + "\n" + new string('b', 149)).Problems);
        Assert.Equal("note", Assert.Single(OneOffShare.Read("link", null, new string('a', 301)).Problems).Field);
        Assert.Equal("note", Assert.Single(OneOffShare.Read("link", null, "hi\u0007").Problems).Field);
    }
}
