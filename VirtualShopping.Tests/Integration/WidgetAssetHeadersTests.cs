using System.Net;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration;

/// <summary>
/// The widget's files load on merchants' pages, COEP require-corp ones included, and are cached sensibly:
/// the loader (a fixed address in every snippet) for 5 minutes then revalidated by ETag, versioned files for a year.
/// </summary>
public sealed class WidgetAssetHeadersTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task The_loader_is_loadable_cross_origin_cached_five_minutes_and_revalidated_by_etag()
    {
        var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/widget/loader.js");
        request.Headers.Add("Origin", "https://shop.example");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Contains("javascript", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/widget/loader.js");
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal("cross-origin", revalidated.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Theory]
    [InlineData("/widget/chat.js?v=3f2a9c", "public, max-age=31536000, immutable")]
    [InlineData("/widget/chat.css?v=3f2a9c", "public, max-age=31536000, immutable")]
    [InlineData("/widget/chat.js", "no-cache")]
    public async Task Chat_files_are_kept_long_only_when_asked_for_by_version(string path, string cacheControl)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal(cacheControl, response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task The_launcher_icon_is_loadable_by_coep_pages()
    {
        var merchant = await factory.DemoMerchantAsync();
        await factory.InMerchantAsync(merchant.Id, async db =>
        {
            if (!await db.ChatAssets.AnyAsync(a => a.Kind == ChatAssetKind.LauncherIcon))
            {
                db.ChatAssets.Add(new ChatAsset { Kind = ChatAssetKind.LauncherIcon, ContentType = "image/png", Content = [0x89, 0x50, 0x4E, 0x47], Sha256 = new string('a', 64), UploadedAt = DateTimeOffset.UtcNow });
            }

            return await db.SaveChangesAsync();
        });

        var response = await factory.CreateAnonymousClient().GetAsync($"/api/v1/widget/{merchant.PublicWidgetKey}/assets/LauncherIcon");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }
}
