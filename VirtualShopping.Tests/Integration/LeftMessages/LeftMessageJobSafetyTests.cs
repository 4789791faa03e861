using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.LeftMessages;

namespace VirtualShopping.Tests.Integration.LeftMessages;

/// <summary>
/// What an answer to a left message leaves behind and where its link points: Hangfire's storage (which the jobs
/// dashboard shows) holds ids only, never the shopper's contact details or the one-time link; and the link is
/// built from App:PublicBaseUrl, whatever Host header the request that answered carried.
/// </summary>
public sealed partial class LeftMessageJobSafetyTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://chat.virtualshopping.example/vs/";

    private readonly SmtpSink smtp = new();
    private TwilioSink twilio = null!;
    private RoutingFactory factory = null!;

    public async ValueTask InitializeAsync()
    {
        twilio = await TwilioSink.StartAsync();
        factory = new RoutingFactory()
            .With("App:PublicBaseUrl", PublicBaseUrl)
            .WithMessageSinks(smtp, twilio);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await twilio.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_emailed_link_starts_with_the_configured_public_address_whatever_the_host_header()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var hannah = (await admin.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages"))!.Single(m => m.Name == "Hannah Kim");

        var sent = factory.Jobs.NextPerformedAsync<LeftMessageReplyJob>();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/left-messages/{hannah.Id}/replies")
        {
            Content = JsonContent.Create(new { channel = "Email", text = "Hi Hannah, yes: two people." }),
        };
        request.Headers.Host = "phish.example";
        var answer = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await sent;

        var email = await smtp.MessageToAsync("hannah.kim@example.com");
        var link = LinkIn().Match(email.TextBody ?? string.Empty);
        Assert.True(link.Success, email.TextBody);
        Assert.StartsWith(PublicBaseUrl + "m?t=", link.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("phish.example", email.TextBody, StringComparison.OrdinalIgnoreCase);

        // The link works: it brings the shopper back to the page they wrote from.
        var followed = await factory.CreateAnonymousClient().GetAsync(new Uri(link.Value).PathAndQuery.Replace("/vs/", "/", StringComparison.Ordinal));
        Assert.Equal("https://www.demo-outfitters.example/outdoor/tents", followed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Answer_jobs_carry_ids_only_never_the_shoppers_contact_details_or_the_link()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var waiting = (await admin.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages"))!;
        var hannah = waiting.Single(m => m.Name == "Hannah Kim");
        var matti = waiting.Single(m => m.Name == "Matti Laine");

        var emailed = factory.Jobs.NextPerformedAsync<LeftMessageReplyJob>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/left-messages/{hannah.Id}/replies", new { channel = "Email", text = "Hi Hannah!" })).StatusCode);
        await emailed;
        var texted = factory.Jobs.NextPerformedAsync<LeftMessageReplyJob>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/left-messages/{matti.Id}/replies", new { channel = "Sms", text = "Hei Matti!" })).StatusCode);
        await texted;

        var emailToken = LinkIn().Match((await smtp.MessageToAsync("hannah.kim@example.com")).TextBody ?? string.Empty).Groups["token"].Value;
        var smsToken = LinkIn().Match((await twilio.FirstRequestAsync()).Body).Groups["token"].Value;
        Assert.NotEmpty(emailToken);
        Assert.NotEmpty(smsToken);

        var stored = StoredJobs();
        Assert.Equal(2, stored.Count(j => j.Contains(nameof(LeftMessageReplyJob), StringComparison.Ordinal)));
        foreach (var job in stored)
        {
            foreach (var secret in new[] { emailToken, smsToken, "/m?t=", "hannah.kim@example.com", "+358401234567", "358401234567", "Hannah", "Matti" })
            {
                Assert.DoesNotContain(secret, job, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Every job in Hangfire's storage as the dashboard would show it: type, method, arguments, parameters and history.</summary>
    private List<string> StoredJobs()
    {
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        // Read the lists in the order a job moves through them (a job that has just run may still be finishing):
        // read the other way round, a job moving from processing to succeeded between two reads is in neither.
        var ids = monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Key).ToList()
            .Concat(monitoring.ScheduledJobs(0, 1000).Select(j => j.Key).ToList())
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key).ToList())
            .Concat(monitoring.SucceededJobs(0, 1000).Select(j => j.Key).ToList())
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Key).ToList())
            .Distinct();
        return ids.Select(id =>
        {
            var details = monitoring.JobDetails(id);
            return JsonSerializer.Serialize(new
            {
                type = details.Job?.Type.FullName,
                method = details.Job?.Method.Name,
                args = details.Job?.Args.Select(a => a?.ToString()),
                details.InvocationData?.Arguments,
                details.Properties,
                history = details.History.Select(h => h.Data),
            });
        }).ToList();
    }

    [GeneratedRegex(@"https?://\S+/m\?t=(?<token>[A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkIn();
}
