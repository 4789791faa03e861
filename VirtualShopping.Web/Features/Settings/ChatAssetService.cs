using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>The widget's logo and launcher icon: upload (checked by content), replace, remove.</summary>
public sealed class ChatAssetService(IDbContextFactory<VirtualShoppingDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<ChatAssetKind, ChatAsset>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChatAssets.AsNoTracking().ToDictionaryAsync(a => a.Kind, cancellationToken);
    }

    public async Task<SaveResult<ChatAsset>> UploadAsync(ChatAssetKind kind, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        // Read one byte past the limit, so an oversized file is refused without reading all of it.
        using var buffer = new MemoryStream();
        var limit = ImageUpload.MaxBytes(kind) + 1;
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        var (check, contentType) = ImageUpload.Validate(kind, bytes);
        if (!check.IsValid)
        {
            return SaveResult<ChatAsset>.Invalid(kind.ToString(), check.Error!);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.ChatAssets.SingleOrDefaultAsync(a => a.Kind == kind, cancellationToken);
        if (asset is null)
        {
            asset = new ChatAsset { Kind = kind, ContentType = contentType!, Content = bytes, Sha256 = string.Empty };
            db.ChatAssets.Add(asset);
        }

        asset.ContentType = contentType!;
        asset.Content = bytes;
        asset.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        asset.FileName = Path.GetFileName(fileName);
        asset.UploadedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<ChatAsset>.Saved(asset);
    }

    public async Task RemoveAsync(ChatAssetKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.ChatAssets.SingleOrDefaultAsync(a => a.Kind == kind, cancellationToken);
        if (asset is not null)
        {
            db.ChatAssets.Remove(asset);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
