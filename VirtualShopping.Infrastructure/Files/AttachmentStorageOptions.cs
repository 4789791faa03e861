namespace VirtualShopping.Infrastructure.Files;

/// <summary>Settings under <c>Attachments</c>: where the file-system storage keeps chat attachments.</summary>
public sealed class AttachmentStorageOptions
{
    public const string Section = "Attachments";

    /// <summary>The folder; a relative path is under the app's content root. Created when first needed.</summary>
    public string Path { get; set; } = "App_Data/attachments";
}
