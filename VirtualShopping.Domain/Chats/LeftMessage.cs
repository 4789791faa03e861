using System.Net.Mail;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Domain.Chats;

/// <summary>A message a shopper left when their chat was missed or the stores were closed; experts answer it by email or SMS.</summary>
public sealed class LeftMessage : ITenantOwned
{
    public const int MaxTextLength = 2000;
    public const int MaxEmailLength = 254;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ShopperId { get; set; }

    /// <summary>The missed chat, when there was one.</summary>
    public Guid? ChatId { get; set; }

    public Guid? DepartmentId { get; set; }

    public LeftMessageReason Reason { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    /// <summary>E.164, e.g. +447700900123.</summary>
    public string? Phone { get; set; }

    public required string Text { get; set; }

    public string Language { get; set; } = "en";

    public string? PageUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the first answer was sent; null while it waits for one.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the shopper last followed a link in an answer.</summary>
    public DateTimeOffset? ShopperReturnedAt { get; set; }

    public List<LeftMessageReply> Replies { get; set; } = [];

    /// <summary>The field problems in what a shopper entered: a name, a valid email and/or an E.164 phone, and the text.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(string? name, string? email, string? phone, string? text)
    {
        var cleanName = DisplayName.Clean(name);
        if (cleanName.Length == 0)
        {
            yield return ("name", "Tell us your name.");
        }
        else if (cleanName.Length > Chat.MaxNameLength)
        {
            yield return ("name", $"Keep your name under {Chat.MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone))
        {
            yield return ("email", "Give an email address or a phone number so we can answer.");
        }

        if (!string.IsNullOrWhiteSpace(email) && !IsEmail(email.Trim()))
        {
            yield return ("email", "Enter an email address like name@example.com.");
        }

        if (!string.IsNullOrWhiteSpace(phone) && !PhoneNumber.IsE164(phone.Trim()))
        {
            yield return ("phone", "Enter the phone number in international form, e.g. +447700900123.");
        }

        var (_, result) = ChatMessage.CleanText(text);
        if (!result.IsValid)
        {
            yield return ("text", result.Error!);
        }
    }

    public static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength && MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal) && !address.Host.EndsWith('.');
}
