using System.Collections.Concurrent;
using Microsoft.Playwright;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Browser;

/// <summary>
/// The dashboard works in a real browser under its Content-Security-Policy: sign-in, the Blazor circuit over
/// its WebSocket, MudBlazor's interactive components and the jobs dashboard, with no violation reported.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ContentSecurityPolicyJourneyTests(BrowserAppFixture app)
{
    [Fact]
    public async Task The_dashboard_signs_in_and_works_interactively_under_its_csp_without_a_violation()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);

        // Violations are caught both as the browser reports them to the page and as console errors.
        await context.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        var console = new ConcurrentQueue<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Enqueue(message.Text);
            }
        };

        var login = await page.GotoAsync("/account/login");
        Assert.Contains("script-src 'self'", (await login!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await page.FillAsync("#email", DemoMerchantSeeder.AdminEmail);
        await page.FillAsync("#password", VirtualShoppingFactory.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(DemoMerchantSeeder.MerchantName);

        // Interactive: a click handled over the circuit, written to localStorage through JS interop.
        await page.ClickAsync("[data-testid=dark-mode-toggle]");
        await page.WaitForFunctionAsync("() => localStorage.getItem('vs.theme') === 'dark'");

        // Enhanced navigation to another interactive page with MudBlazor inputs.
        await page.Locator(".mud-navmenu").GetByText("Account").First.ClickAsync();
        await Assertions.Expect(page.Locator("#sender-id")).ToHaveValueAsync("DemoOutfit");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await page.FillAsync("#sender-id", "Demo Shop");
        await Assertions.Expect(page.Locator("#sender-id")).ToHaveValueAsync("Demo Shop");

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));

        // The jobs dashboard (this fixture's admin is also the platform operator) renders under the same rules.
        var jobs = await page.GotoAsync("/hangfire/recurring");
        Assert.Equal(200, jobs!.Status);
        Assert.Equal("DENY", (await jobs.AllHeadersAsync())["x-frame-options"]);
        await Assertions.Expect(page.GetByText("purge-expired-invitations")).ToBeVisibleAsync();

        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await context.CloseAsync();
    }
}
