using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Settings;

/// <summary>
/// Checks an uploaded widget image by its bytes, not its name: PNG, JPEG or WebP only (no SVG, which
/// can carry scripts), within a size limit per kind.
/// </summary>
public static class ImageUpload
{
    public static long MaxBytes(ChatAssetKind kind) => kind == ChatAssetKind.Logo ? 512 * 1024 : 256 * 1024;

    public static (RuleResult Result, string? ContentType) Validate(ChatAssetKind kind, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return (RuleResult.Fail("The file is empty."), null);
        }

        if (content.Length > MaxBytes(kind))
        {
            return (RuleResult.Fail($"The image is {content.Length / 1024} KB; the limit is {MaxBytes(kind) / 1024} KB."), null);
        }

        var type = Detect(content);
        return type is null
            ? (RuleResult.Fail("Use a PNG, JPEG or WebP image."), null)
            : (RuleResult.Ok, type);
    }

    /// <summary>The chat attachments' recognition by content, narrowed to the still images a widget shows (no GIF).</summary>
    private static string? Detect(ReadOnlySpan<byte> c) =>
        AttachmentContent.Detect(c) is { Kind: AttachmentKind.Image } type && type != AttachmentType.Gif ? type.ContentType : null;
}
