namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// A feed URL's answer: 304 Not Modified (no body), or the body to read as a stream (unpacked if gzip, bounded in size
/// and time), with the validators to send next time.
/// </summary>
public sealed class FeedDownload(HttpResponseMessage response, Stream? body, IDisposable lifetime) : IAsyncDisposable
{
    public bool NotModified => body is null;

    public Stream Body => body ?? throw new InvalidOperationException("A 304 answer has no body.");

    public string? ETag { get; } = response.Headers.ETag?.ToString();

    public string? LastModified { get; } = response.Content.Headers.LastModified?.ToString("R");

    public async ValueTask DisposeAsync()
    {
        if (body is not null)
        {
            await body.DisposeAsync();
        }

        response.Dispose();
        lifetime.Dispose();
    }
}
