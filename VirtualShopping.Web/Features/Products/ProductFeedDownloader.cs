using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Downloads a merchant's feed: https only (each redirect too, at most a few), a conditional GET with the validators of
/// the last import (304 costs nothing), a size limit counted while reading (and for gzip, its unpacked size), one
/// deadline for the whole download including the body. Refusals throw <see cref="ProductFeedDownloadException"/>.
/// </summary>
public sealed class ProductFeedDownloader(HttpClient http, IOptions<ProductFeedOptions> options)
{
    public async Task<FeedDownload> DownloadAsync(string url, string? eTag, string? lastModified, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        try
        {
            var target = Checked(url, limits);
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
                if (eTag is not null && EntityTagHeaderValue.TryParse(eTag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }

                if (lastModified is not null && DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }

                var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (IsRedirect(response.StatusCode))
                {
                    var location = response.Headers.Location;
                    response.Dispose();
                    if (location is null)
                    {
                        throw new ProductFeedDownloadException("The feed URL redirected without saying where to.");
                    }

                    if (redirects >= limits.MaxRedirects)
                    {
                        throw new ProductFeedDownloadException($"The feed URL redirected more than {limits.MaxRedirects} times.");
                    }

                    target = Checked(new Uri(target, location).AbsoluteUri, limits, redirected: true);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FeedDownload(response, null, deadline);
                }

                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    response.Dispose();
                    throw new ProductFeedDownloadException($"The feed URL answered {status} {ReasonOf(status)}.");
                }

                if (response.Content.Headers.ContentLength > limits.MaxBytes)
                {
                    response.Dispose();
                    throw new ProductFeedDownloadException(TooLarge(limits.MaxBytes));
                }

                var body = await Body(response, limits, deadline.Token);
                return new FeedDownload(response, body, deadline);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            deadline.Dispose();
            throw new ProductFeedDownloadException(TooSlow(limits.Timeout), e);
        }
        catch (HttpRequestException e)
        {
            deadline.Dispose();
            throw new ProductFeedDownloadException($"The feed could not be downloaded: {e.Message}", e);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    /// <summary>The body, bounded as sent; unpacked when gzip (by header or by its magic bytes) and bounded again as unpacked.</summary>
    private static async Task<Stream> Body(HttpResponseMessage response, ProductFeedOptions limits, CancellationToken deadline)
    {
        Stream sent = new BoundedReadStream(await response.Content.ReadAsStreamAsync(deadline), limits.MaxBytes, TooLarge(limits.MaxBytes), TooSlow(limits.Timeout), deadline);
        var (first, body) = await PeekedStream.PeekAsync(sent, 2, deadline);
        var gzip = response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase) || first is [0x1f, 0x8b];
        return gzip
            ? new BoundedReadStream(new GZipStream(body, CompressionMode.Decompress), limits.MaxUnpackedBytes, $"The feed unpacks to more than {Size(limits.MaxUnpackedBytes)}.", TooSlow(limits.Timeout), deadline)
            : body;
    }

    private static Uri Checked(string url, ProductFeedOptions limits, bool redirected = false)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ProductFeedDownloadException("The feed URL is not a valid address.");
        }

        var loopbackForTests = limits.AllowInsecureLoopbackForTests && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !loopbackForTests)
        {
            throw new ProductFeedDownloadException(redirected
                ? $"The feed URL redirected to {uri.Scheme}://{uri.Host}, which is not https: only https feeds are downloaded."
                : "The feed URL must start with https://: only https feeds are downloaded.");
        }

        return uri;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string ReasonOf(int status) => status switch
    {
        401 or 403 => "(access refused)",
        404 => "(not found)",
        >= 500 => "(the feed's server failed)",
        _ => "(not a feed)",
    };

    private static string TooLarge(long max) => $"The feed is larger than {Size(max)}.";

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";

    private static string TooSlow(TimeSpan timeout) => $"The feed took longer than {timeout.TotalMinutes:0.#} minutes to download.";
}
