using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Infrastructure.Files;

/// <summary>
/// Attachments as files under one folder, a file per key. A save writes a temporary file beside the target and
/// moves it into place only when the whole stream has been written, so a failed or oversized upload leaves nothing
/// and a reader never sees half a file.
/// </summary>
public sealed partial class FileSystemAttachmentStorage : IAttachmentStorage
{
    private const int BufferSize = 81920;

    private readonly string root;

    public FileSystemAttachmentStorage(IOptions<AttachmentStorageOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
    }

    /// <summary>The folder the files are in.</summary>
    public string Root => root;

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            Stream file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored there.
        }

        return Task.CompletedTask;
    }

    /// <summary>The file of a key; keys are checked, so none can point outside the folder.</summary>
    private string PathOf(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200 || !KeyPattern().IsMatch(key))
        {
            throw new ArgumentException("An attachment key is lower-case letters, digits and '-' in segments separated by '/'.", nameof(key));
        }

        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    [GeneratedRegex("^[a-z0-9-]+(/[a-z0-9-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
