using System.IO.Compression;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// A feed file uploaded by hand (the Products page or POST /api/v1/products/imports): streamed to a temporary file
/// within the size limit (never held in memory), then imported by <see cref="ProductImporter"/> as an Upload under the
/// file's name, in the background in its own scope, so it runs to the end whatever happens to the page or request
/// that started it (until the app stops).
/// </summary>
public sealed class ProductFeedUploads(IServiceScopeFactory scopes, IOptions<ProductFeedOptions> options, IServiceProvider services)
{
    /// <summary>The file types the picker offers (the parser decides by content, not by name).</summary>
    public const string Accept = ".xml,.rss,.atom,.csv,.tsv,.txt,.gz";

    private const int MaxFileNameLength = 200;

    /// <summary>The largest file taken (ProductFeeds:MaxBytes, 100 MB).</summary>
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>"The file is larger than 100 MB": what an oversize upload is told.</summary>
    public string TooLargeMessage => $"The file is larger than {Size(MaxBytes)}, the most a feed file can be. Compress it with gzip (.gz) or split the catalogue.";

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} bytes";

    /// <summary>The name the history shows: the file's own name without any folder, cleaned of control characters, at most 200 characters.</summary>
    public static string FileNameOf(string? name)
    {
        var clean = new string(Path.GetFileName((name ?? string.Empty).Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        clean = clean.Length == 0 ? "upload" : clean;
        return clean.Length <= MaxFileNameLength ? clean : clean[..MaxFileNameLength];
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file (deleted when the returned feed is disposed), reporting the
    /// bytes copied; null (and nothing kept) as soon as it passes <see cref="MaxBytes"/>.
    /// </summary>
    public async Task<SpooledFeed?> SpoolAsync(Stream content, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"vs-feed-{Guid.NewGuid():N}.upload"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            while (await content.ReadAsync(buffer, cancellationToken) is var read and > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    await file.DisposeAsync();
                    return null;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(total);
            }

            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return new SpooledFeed(file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Imports a spooled file in the background (its own scope; cancelled only when the app stops) and disposes it when done.
    /// The task ends with the import (Succeeded or Failed with the parser's reason), or throws
    /// <see cref="ProductImportBusyException"/> when another app instance is importing the merchant's products.
    /// </summary>
    public Task<ProductImport> ImportAsync(Guid merchantId, SpooledFeed feed, string fileName)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var name = FileNameOf(fileName);
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        return Task.Run(
            async () =>
            {
                await using (feed)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var importer = scope.ServiceProvider.GetRequiredService<ProductImporter>();
                    await using var unpacked = await UnpackedAsync(feed.Content, options.Value.MaxUnpackedBytes);
                    return await importer.ImportAsync(merchantId, unpacked ?? feed.Content, ProductImportSource.Upload, name, null, null, stopping);
                }
            },
            CancellationToken.None);
    }

    /// <summary>
    /// A gzip file unpacked and bounded as a downloaded feed is (<see cref="ProductFeedOptions.MaxUnpackedBytes"/>, 500 MB),
    /// so a small file that unpacks to gigabytes fails the import instead of running for hours; null for any other file.
    /// </summary>
    private static async Task<Stream?> UnpackedAsync(Stream file, long maxUnpacked)
    {
        var magic = new byte[2];
        var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic is [0x1f, 0x8b]
            ? new BoundedReadStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), maxUnpacked, $"The file unpacks to more than {Size(maxUnpacked)}.", string.Empty, CancellationToken.None)
            : null;
    }
}

/// <summary>An uploaded feed in a temporary file, deleted when disposed.</summary>
public sealed class SpooledFeed(FileStream file) : IAsyncDisposable
{
    public Stream Content => file;

    public long Length => file.Length;

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
