using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class ChatAssetUploadTests : DashboardTestContext
{
    public static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_png_logo_is_stored_and_shown_in_the_preview()
    {
        RenderProviders();
        var page = Render<ChatSettingsPage>();
        OpenThemeTab(page);

        Upload(page, ChatAssetKind.Logo, InputFileContent.CreateFromBinary(OnePixelPng, "logo.png", contentType: "image/png"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=widget-preview-logo]")));
        await using var db = await Contexts.CreateDbContextAsync();
        var logo = await db.ChatAssets.SingleAsync();
        Assert.Equal((ChatAssetKind.Logo, "image/png", "logo.png"), (logo.Kind, logo.ContentType, logo.FileName));
        Assert.Equal(OnePixelPng, logo.Content);
    }

    [Fact]
    public async Task A_file_that_only_claims_to_be_an_image_is_refused()
    {
        RenderProviders();
        var page = Render<ChatSettingsPage>();
        OpenThemeTab(page);

        Upload(page, ChatAssetKind.LauncherIcon, InputFileContent.CreateFromText("<svg onload=alert(1)></svg>", "icon.png", contentType: "image/png"));

        page.WaitForAssertion(() => Assert.Equal("Use a PNG, JPEG or WebP image.", page.Find("[data-testid=upload-error-LauncherIcon]").TextContent));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.ChatAssets.AnyAsync());
    }

    [Fact]
    public async Task An_image_over_the_size_limit_is_refused_with_the_limit_in_the_message()
    {
        RenderProviders();
        var page = Render<ChatSettingsPage>();
        OpenThemeTab(page);
        var big = OnePixelPng.Concat(new byte[300 * 1024]).ToArray();

        Upload(page, ChatAssetKind.LauncherIcon, InputFileContent.CreateFromBinary(big, "big.png", contentType: "image/png"));

        page.WaitForAssertion(() => Assert.Contains("the limit is 256 KB", page.Find("[data-testid=upload-error-LauncherIcon]").TextContent, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.ChatAssets.AnyAsync());
    }

    private static void OpenThemeTab(IRenderedComponent<ChatSettingsPage> page)
    {
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-tab")));
        page.FindAll(".mud-tab").First(t => t.TextContent.Contains("Theme", StringComparison.Ordinal)).Click();
        page.WaitForElement("[data-testid=upload-Logo]");
    }

    private static void Upload(IRenderedComponent<ChatSettingsPage> page, ChatAssetKind kind, InputFileContent file) =>
        page.FindComponents<ChatAssetUpload>().Single(u => u.Instance.Kind == kind).FindComponent<InputFile>().UploadFiles(file);
}
