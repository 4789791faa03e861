using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Uploads against the real Kestrel server, whose own request body limit (30 MB by default) would otherwise
/// refuse a video the chat allows, or answer an oversized body with a bare error.
/// </summary>
public sealed class ChatAttachmentServerLimitTests : IAsyncLifetime
{
    private readonly RoutingFactory factory = new();
    private HttpClient client = null!;

    public ValueTask InitializeAsync()
    {
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_40_MB_video_is_taken_and_a_body_over_the_limits_gets_a_problem_naming_them()
    {
        var world = await RoutingScenario.WorldAsync(factory, experts: 1);
        var session = (await (await client.PostAsync($"/api/v1/widget/{world.WidgetKey}/session", null)).Content.ReadAsync<ShopperSessionResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        var started = await client.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" });
        var chat = (await started.Content.ReadAsync<ChatView>())!;
        var url = $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/attachments";

        // Over Kestrel's default body limit, within the video limit: taken (the shopper may send while waiting).
        using var taken = await client.SendAsync(VideoUpload(url, 40L * 1024 * 1024));
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(40L * 1024 * 1024, (await taken.Content.ReadAsync<MessageView>())!.Attachment!.Length);

        // A body larger than any file may be: refused by the server before the body is sent, as a problem naming the limits.
        using var refused = await client.SendAsync(VideoUpload(url, 60L * 1024 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.Equal("The upload is too large. Photos can be at most 10 MB. Videos can be at most 50 MB.", Assert.Single(problem.Errors["file"]));
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.ChatAttachments.CountAsync()));
    }

    /// <summary>A multipart upload of an MP4 of this length (with a Content-Length, as browsers send), asking to continue before the body.</summary>
    private static HttpRequestMessage VideoUpload(string url, long length)
    {
        var file = new StreamContent(new FillerStream([0x00, 0x00, 0x00, 0x18, .. "ftypisom\0\0\u0002\0isomiso2"u8], length));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { file, "file", "fitting.mp4" } } };
        request.Headers.ExpectContinue = true;
        return request;
    }

    /// <summary>A file's signature followed by zeros, of a known length, without holding it in memory.</summary>
    private sealed class FillerStream(byte[] head, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, read);
            for (var i = 0; i < read && position + i < head.Length; i++)
            {
                buffer[offset + i] = head[position + i];
            }

            position += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
