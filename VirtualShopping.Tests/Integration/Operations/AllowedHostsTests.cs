using System.Net;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration.Operations;

/// <summary>
/// Outside Development, unless AllowedHosts is set explicitly, the app answers only requests addressed to the
/// host of App:PublicBaseUrl: a forged Host header gets 400.
/// </summary>
public sealed class AllowedHostsTests : IAsyncLifetime
{
    private readonly VirtualShoppingFactory factory = new();

    public AllowedHostsTests()
    {
        factory.SetSetting("App:PublicBaseUrl", "https://chat.virtualshopping.example/");
        factory.SetSetting("AllowedHosts", string.Empty);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("phish.example", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.BadRequest)]
    [InlineData("chat.virtualshopping.example", HttpStatusCode.OK)]
    public async Task Only_the_public_host_is_served(string host, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = host;

        var response = await factory.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
