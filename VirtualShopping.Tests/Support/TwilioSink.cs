using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A local HTTP listener that speaks Twilio's Messages API: it records each form-encoded POST (with its Basic
/// credentials) and answers 201 with a message resource, or with Twilio's error object when told to fail.
/// </summary>
public sealed class TwilioSink : IAsyncDisposable
{
    private readonly WebApplication app;

    private TwilioSink(WebApplication app) => this.app = app;

    private readonly TaskCompletionSource<TwilioRequest> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<TwilioRequest> Requests { get; } = new();

    /// <summary>The first request Twilio would have received; waits (up to 20 s) for it.</summary>
    public Task<TwilioRequest> FirstRequestAsync() => first.Task.WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>When set, every request is refused with this Twilio error (HTTP 400).</summary>
    public (int Code, string Message)? FailWith { get; set; }

    public Uri BaseUrl => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public static async Task<TwilioSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new TwilioSink(app);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (string sid, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var request = new TwilioRequest(sid, http.Request.Headers.Authorization.ToString(), form["To"].ToString(), form["From"].ToString(), form["Body"].ToString());
            sink.Requests.Enqueue(request);
            sink.first.TrySetResult(request);
            if (sink.FailWith is { } failure)
            {
                return Results.Json(new { code = failure.Code, message = failure.Message, more_info = $"https://www.twilio.com/docs/errors/{failure.Code}", status = 400 }, statusCode: 400);
            }

            return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", to = form["To"].ToString(), from = form["From"].ToString() }, statusCode: 201);
        });
        await app.StartAsync();
        return sink;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One message request as Twilio would receive it.</summary>
public sealed record TwilioRequest(string AccountSid, string Authorization, string To, string From, string Body);
