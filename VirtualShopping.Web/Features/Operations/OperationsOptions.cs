using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>
/// The `Operations` section: the people who run this installation (not any merchant's staff as such). Only a
/// signed-in person whose email is listed here sees the Hangfire dashboard, whatever their merchant roles.
/// </summary>
public sealed class OperationsOptions : IValidatableObject
{
    public const string Section = "Operations";

    /// <summary>Emails of the platform operators; empty (the default) means nobody sees the jobs dashboard.</summary>
    public List<string> OperatorEmails { get; set; } = [];

    public bool IsOperator(string? email) =>
        !string.IsNullOrWhiteSpace(email) && OperatorEmails.Any(o => string.Equals(o.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var email in OperatorEmails)
        {
            if (string.IsNullOrWhiteSpace(email) || !MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim())
            {
                yield return new ValidationResult($"Operations:OperatorEmails: '{email}' is not an email address.", [nameof(OperatorEmails)]);
            }
        }
    }
}
