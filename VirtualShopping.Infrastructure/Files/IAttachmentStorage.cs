namespace VirtualShopping.Infrastructure.Files;

/// <summary>
/// Where chat attachments' bytes live, by key (lower-case letters, digits, '-' and '/' between segments).
/// Content is streamed both ways, never held in memory whole. The file system under the app's data folder is
/// the default (<see cref="FileSystemAttachmentStorage"/>); a blob store can take its place.
/// </summary>
public interface IAttachmentStorage
{
    /// <summary>
    /// Stores everything the stream gives under the key, replacing what was there. If reading the stream fails
    /// (the upload is too large, the client went away), the exception comes through and nothing is kept.
    /// </summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes as a readable (and, from the file system, seekable) stream, or null when the key holds nothing.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes what the key holds; nothing happens when it holds nothing.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
