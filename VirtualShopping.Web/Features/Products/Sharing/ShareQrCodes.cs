using QRCoder;

namespace VirtualShopping.Web.Features.Products;

/// <summary>QR codes of share links (QRCoder), as PNG or SVG, with the standard four-module quiet zone.</summary>
public static class ShareQrCodes
{
    public const int MinPixelsPerModule = 4;

    public const int MaxPixelsPerModule = 20;

    public const int DefaultPixelsPerModule = 10;

    public static bool IsAllowedSize(int pixelsPerModule) => pixelsPerModule is >= MinPixelsPerModule and <= MaxPixelsPerModule;

    public static byte[] Png(string link, int pixelsPerModule)
    {
        using var data = Encode(link);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string link, int pixelsPerModule)
    {
        using var data = Encode(link);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    // Medium error correction: readable off a phone screen or a slightly creased print-out, still few modules.
    private static QRCodeData Encode(string link) => QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
}
