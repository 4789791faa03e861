using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Account;

/// <summary>
/// Password and join-code guessing is throttled per client address and per account; a stranger cannot lock a
/// colleague out; and nothing about an account shows until its password is right.
/// </summary>
public sealed class SignInThrottleTests : IAsyncDisposable
{
    private const string Pending = "pat.pending@demo-outfitters.example";
    private const string PendingPassword = "Pending-Password-1";
    private const string Deactivated = DemoMerchantSeeder.SupportEmail;
    private const string Stranger = "203.0.113.9";
    private const string Colleague = "198.51.100.7";

    private readonly RoutingFactory factory = new();

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    [Fact]
    public async Task A_burst_of_wrong_passwords_from_one_address_gets_429_with_retry_after_after_the_limit()
    {
        factory.With("SignInLimits:IpPermitsPerMinute", "10").With("SignInLimits:AccountIpFailures", "1000").With("SignInLimits:AccountFailures", "1000");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await TokenAsync(Stranger, $"guess-{i}@demo-outfitters.example", "wrong-password-1"));
        }

        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        await AssertSlowDownAsync(answers[10]);
        await AssertSlowDownAsync(answers[11]);

        // The dashboard's form counts towards the same address limit; another address is not affected.
        // A person is sent back to the form, which says how long to wait, rather than shown JSON.
        var form = await SubmitSignInFromAsync(Stranger, DemoMerchantSeeder.AdminEmail, "wrong-password-1");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.True(form.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.StartsWith("/account/login?slowDown=", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await factory.CreateAnonymousClient().GetStringAsync(form.Headers.Location));
        Assert.Matches("Too many sign-in attempts from your network. Wait [0-9]+ seconds and try again.", page);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(Colleague, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task A_stranger_guessing_a_colleagues_password_is_slowed_down_but_cannot_lock_the_colleague_out()
    {
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            guesses.Add((await TokenAsync(Stranger, DemoMerchantSeeder.ExpertEmail, $"wrong-password-{i}")).StatusCode);
        }

        // Five wrong passwords per account and address in a window, then 429 until the window is over ...
        Assert.Equal(5, guesses.Count(g => g == HttpStatusCode.Unauthorized));
        Assert.Equal(15, guesses.Count(g => g == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(Stranger, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword)).StatusCode);

        // ... while the colleague, from their own address, signs in at once, in the Store App and the dashboard.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(Colleague, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword)).StatusCode);
        for (var i = 0; i < 10; i++)
        {
            await SubmitSignInFromAsync(Stranger, DemoMerchantSeeder.ManagerEmail, $"wrong-password-{i}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitSignInFromAsync(Colleague, DemoMerchantSeeder.ManagerEmail, VirtualShoppingFactory.DemoPassword)).StatusCode);

        // Nothing is locked: once the window is over the stranger may try again (and the right password works).
        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(Stranger, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Many_addresses_together_are_stopped_by_the_per_account_limit()
    {
        factory.With("SignInLimits:AccountIpFailures", "2").With("SignInLimits:AccountFailures", "6");

        var answers = new List<HttpStatusCode>();
        for (var address = 1; address <= 5; address++)
        {
            for (var i = 0; i < 2; i++)
            {
                answers.Add((await TokenAsync($"192.0.2.{address}", DemoMerchantSeeder.SupportEmail, "wrong-password-1")).StatusCode);
            }
        }

        Assert.Equal(6, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task Wrong_password_unknown_email_deactivated_and_pending_get_the_same_answer_until_the_password_is_right()
    {
        var merchant = await factory.DemoMerchantAsync();
        Assert.Contains("join-done", await (await JoinAsync(factory.CreateAnonymousClient(), merchant.InviteCode, Pending, PendingPassword)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.Where(s => s.Email == Deactivated)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, StaffStatus.Deactivated)));
        string[] emails = [DemoMerchantSeeder.ExpertEmail, "nobody@demo-outfitters.example", Deactivated, Pending];

        var tokenAnswers = new List<string>();
        var formAnswers = new List<string>();
        foreach (var email in emails)
        {
            var token = await TokenAsync(Colleague, email, "wrong-password-1");
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
            var problem = (await token.Content.ReadAsync<ProblemDetails>())!;
            tokenAnswers.Add($"{problem.Title}|{problem.Detail}");
            var form = await SubmitSignInFromAsync(Colleague, email, "wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            formAnswers.Add(ErrorIn(await form.Content.ReadAsStringAsync()));
        }

        Assert.Single(tokenAnswers.Distinct());
        Assert.Equal(["The email or password is not right."], formAnswers.Distinct());

        // Only the right password earns the reason.
        Assert.Contains("waiting for a store manager", ErrorIn(await (await SubmitSignInFromAsync(Colleague, Pending, PendingPassword)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("deactivated", ErrorIn(await (await SubmitSignInFromAsync(Colleague, Deactivated, VirtualShoppingFactory.DemoPassword)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await TokenAsync(Colleague, Deactivated, VirtualShoppingFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TokenAsync(Colleague, Pending, PendingPassword)).StatusCode);
    }

    [Fact]
    public async Task Join_code_guessing_is_throttled_per_address()
    {
        factory.With("SignInLimits:JoinPermitsPerMinute", "3");
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(VirtualShoppingFactory.ClientAddressHeader, Stranger);

        var answers = new List<HttpResponseMessage>();
        foreach (var code in new[] { "AAAAAAA", "AAAAAAB", "AAAAAAC", "AAAAAAD" })
        {
            answers.Add(await JoinAsync(client, code, "guess@example.com", "Guess-Password-1"));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, answers[3].StatusCode);
        Assert.True(answers[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(answers[3].Headers.Location));
        Assert.Matches("Too many attempts from your network. Wait [0-9]+ seconds and try again.", page);
    }

    private static async Task AssertSlowDownAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Slow down", (await response.Content.ReadAsync<ProblemDetails>())!.Title);
    }

    private Task<HttpResponseMessage> TokenAsync(string address, string email, string password)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(VirtualShoppingFactory.ClientAddressHeader, address);
        return client.PostAsJsonAsync("/api/v1/expert/token", new { email, password });
    }

    private Task<HttpResponseMessage> SubmitSignInFromAsync(string address, string email, string password)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(VirtualShoppingFactory.ClientAddressHeader, address);
        return VirtualShoppingFactory.SubmitSignInAsync(client, email, password);
    }

    private static async Task<HttpResponseMessage> JoinAsync(HttpClient client, string code, string email, string password)
    {
        var form = await client.GetStringAsync("/account/join");
        return await client.PostAsync("/account/join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = VirtualShoppingFactory.AntiforgeryTokenIn(form),
            ["_handler"] = "join",
            ["Input.InviteCode"] = code,
            ["Input.DisplayName"] = "Pat Guess",
            ["Input.Email"] = email,
            ["Input.EmployeeId"] = "LDN-298",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
    }

    private static string ErrorIn(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\">([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "(no error shown)";
    }
}
