namespace VirtualShopping.Domain.Chats;

/// <summary>A file type chats accept, as recognised from the file's first bytes.</summary>
public sealed record AttachmentType(string ContentType, AttachmentKind Kind, string Extension)
{
    public static readonly AttachmentType Jpeg = new("image/jpeg", AttachmentKind.Image, ".jpg");
    public static readonly AttachmentType Png = new("image/png", AttachmentKind.Image, ".png");
    public static readonly AttachmentType Gif = new("image/gif", AttachmentKind.Image, ".gif");
    public static readonly AttachmentType WebP = new("image/webp", AttachmentKind.Image, ".webp");
    public static readonly AttachmentType Mp4 = new("video/mp4", AttachmentKind.Video, ".mp4");
    public static readonly AttachmentType QuickTime = new("video/quicktime", AttachmentKind.Video, ".mov");
    public static readonly AttachmentType WebM = new("video/webm", AttachmentKind.Video, ".webm");
}
