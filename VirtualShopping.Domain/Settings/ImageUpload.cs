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

    private static string? Detect(ReadOnlySpan<byte> c)
    {
        if (c.Length >= 8 && c[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (c.Length >= 3 && c[0] == 0xFF && c[1] == 0xD8 && c[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (c.Length >= 12 && c[..4].SequenceEqual("RIFF"u8) && c.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }
}
