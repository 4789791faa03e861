using System.Text;
using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary><see cref="AttachmentContent"/>: chat uploads are recognised by their first bytes, named safely, and limited by kind.</summary>
public sealed class AttachmentContentTests
{
    public static TheoryData<string, byte[]> Accepted => new()
    {
        { "image/jpeg", Bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "JFIF\0") },
        { "image/png", Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "IHDR") },
        { "image/gif", Bytes([], "GIF89a\u0001\0\u0001\0") },
        { "image/gif", Bytes([], "GIF87a\u0001\0\u0001\0") },
        { "image/webp", Bytes([], "RIFF\u0024\0\0\0WEBPVP8 ") },
        { "video/mp4", Bytes([0x00, 0x00, 0x00, 0x20], "ftypisom\0\0\u0002\0isomiso2avc1mp41") },
        { "video/mp4", Bytes([0x00, 0x00, 0x00, 0x18], "ftypmp42\0\0\0\0mp42isom") },
        { "video/quicktime", Bytes([0x00, 0x00, 0x00, 0x14], "ftypqt  \0\0\u0002\0qt  ") },
        { "video/webm", Bytes([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08, 0x42, 0x82, 0x84], "webm") },
    };

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "empty", [] },
        { "SVG (can carry script)", Bytes([], "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") },
        { "SVG with an XML declaration", Bytes([], "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>") },
        { "HTML", Bytes([], "<!DOCTYPE html><html><script>alert(document.cookie)</script>") },
        { "PDF", Bytes([], "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3") },
        { "Windows program", Bytes([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) },
        { "Linux program", Bytes([0x7F], "ELF\u0002\u0001\u0001") },
        { "ZIP", Bytes([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) },
        { "HEIC photo (not shown by most browsers)", Bytes([0x00, 0x00, 0x00, 0x18], "ftypheic\0\0\0\0mif1heic") },
        { "M4A audio", Bytes([0x00, 0x00, 0x00, 0x1C], "ftypM4A \0\0\u0002\0M4A isom") },
        { "Matroska (not WebM)", Bytes([0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], "matroska") },
        { "EBML without a document type", Bytes([0x1A, 0x45, 0xDF, 0xA3, 0x80]) },
        { "cut-off GIF signature", Bytes([], "GIF8") },
        { "RIFF that is not WebP (WAV)", Bytes([], "RIFF\u0024\0\0\0WAVEfmt ") },
        { "plain text", Bytes([], "just some words") },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Photos_and_videos_are_recognised_by_their_first_bytes(string contentType, byte[] content)
    {
        Assert.Equal(contentType, AttachmentContent.Detect(content)?.ContentType);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused_whatever_it_is_called(string what, byte[] content)
    {
        Assert.True(AttachmentContent.Detect(content) is null, $"{what} was taken for {AttachmentContent.Detect(content)?.ContentType}");
    }

    [Fact]
    public void Html_before_image_bytes_is_still_html()
    {
        // A polyglot that starts as HTML is refused even though a PNG signature follows.
        var content = Bytes([], "<html>").Concat(Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])).ToArray();

        Assert.Null(AttachmentContent.Detect(content));
    }

    [Fact]
    public void Photos_may_be_10_MB_and_videos_50_MB()
    {
        Assert.Equal(10L * 1024 * 1024, AttachmentContent.MaxBytes(AttachmentKind.Image));
        Assert.Equal(50L * 1024 * 1024, AttachmentContent.MaxBytes(AttachmentKind.Video));
        Assert.Equal(AttachmentKind.Video, AttachmentType.WebM.Kind);
        Assert.Equal("Photos can be at most 10 MB.", AttachmentContent.LimitText(AttachmentKind.Image));
        Assert.Equal("Videos can be at most 50 MB.", AttachmentContent.LimitText(AttachmentKind.Video));
    }

    [Theory]
    [InlineData("boots.JPG", "boots.jpg")]
    [InlineData(@"C:\Users\lea\Pictures\red boots.jpeg", "red boots.jpg")]
    [InlineData("../../etc/passwd", "passwd.jpg")]
    [InlineData("invoice.html", "invoice.jpg")]
    [InlineData("\"evil\"; filename=x.exe", "evil filename=x.jpg")]
    [InlineData("photo\r\nSet-Cookie: a=b.jpg", "photo Set-Cookie a=b.jpg")]
    [InlineData("\u202Egpj.exe", "gpj.jpg")]
    [InlineData("👢 boots.png", "👢 boots.jpg")]
    [InlineData("tab\tname.jpg", "tab name.jpg")]
    public void File_names_keep_their_last_segment_lose_what_is_unsafe_and_end_in_the_real_type(string given, string expected)
    {
        Assert.Equal(expected, AttachmentContent.CleanFileName(given, AttachmentType.Jpeg));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001")]
    [InlineData("folder/")]
    public void No_usable_name_gives_no_name(string? given)
    {
        Assert.Null(AttachmentContent.CleanFileName(given, AttachmentType.Png));
    }

    [Fact]
    public void Long_names_are_cut_to_100_characters_before_the_extension()
    {
        var name = AttachmentContent.CleanFileName(new string('a', 300) + ".webm", AttachmentType.WebM);

        Assert.Equal(new string('a', 100) + ".webm", name);
        Assert.True(name!.Length <= ChatAttachment.MaxFileNameLength);
    }

    [Fact]
    public void The_caption_is_the_file_name_or_says_photo_or_video()
    {
        Assert.Equal("boots.png", new ChatAttachment { ContentType = "image/png", FileName = "boots.png", StorageKey = "k", Sha256 = "h" }.Caption);
        Assert.Equal("Photo", new ChatAttachment { ContentType = "image/png", StorageKey = "k", Sha256 = "h" }.Caption);
        Assert.Equal("Video", new ChatAttachment { ContentType = "video/mp4", StorageKey = "k", Sha256 = "h" }.Caption);
    }

    private static byte[] Bytes(byte[] prefix, string ascii = "") => [.. prefix, .. Encoding.Latin1.GetBytes(ascii)];
}
