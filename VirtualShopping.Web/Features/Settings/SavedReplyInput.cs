using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

public sealed class SavedReplyInput
{
    public string Title { get; set; } = string.Empty;

    public string Shortcut { get; set; } = "/";

    public string Language { get; set; } = "en";

    public string Text { get; set; } = string.Empty;

    public Guid? ConcurrencyStamp { get; set; }

    public static SavedReplyInput From(SavedReply reply) => new()
    {
        Title = reply.Title,
        Shortcut = reply.Shortcut,
        Language = reply.Language,
        Text = reply.Text,
        ConcurrencyStamp = reply.ConcurrencyStamp,
    };

    public void ApplyTo(SavedReply reply)
    {
        reply.Title = Title.Trim();
        reply.Shortcut = Shortcut.Trim().ToLowerInvariant();
        reply.Language = Language;
        reply.Text = Text.Trim();
    }
}
