using FluentValidation;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

public sealed class AccountSettingsInputValidator : AbstractValidator<AccountSettingsInput>
{
    public static readonly string AttributionWindowMessage =
        $"Choose an attribution window from {AttributionRule.MinWindowDays} to {AttributionRule.MaxWindowDays} days.";

    public AccountSettingsInputValidator()
    {
        RuleFor(s => s.Currency).Must(Currencies.IsKnown).WithMessage("Choose a currency from the list (ISO 4217, e.g. GBP or EUR).");
        RuleFor(s => s.TimeZoneId).Must(TimeZones.IsKnown).WithMessage("Choose a time zone from the list (IANA name, e.g. Europe/London).");
        RuleFor(s => s.ProductFeedUrl).Must(HttpsUrl.IsValid).When(s => !string.IsNullOrWhiteSpace(s.ProductFeedUrl)).WithMessage(HttpsUrl.Message);
        RuleFor(s => s.ProductFeedFormat).IsInEnum();
        RuleFor(s => s.ProductFeedSchedule).IsInEnum();
        RuleFor(s => s.OutOfHoursBehaviour).IsInEnum();
        RuleFor(s => s.OutOfHoursText).NotEmpty().When(s => s.OutOfHoursBehaviour == OutOfHoursBehaviour.LeaveMessage)
            .WithMessage("Tell shoppers what happens out of hours.")
            .MaximumLength(AccountSettings.MaxOutOfHoursTextLength).WithMessage($"Keep it under {AccountSettings.MaxOutOfHoursTextLength} characters.");
        RuleFor(s => s.LeftMessageSenderId).NotEmpty().When(s => s.ContactChannels.HasFlag(ContactChannels.Sms))
            .WithMessage("SMS is on: enter the sender ID replies come from.");
        RuleFor(s => s.LeftMessageSenderId).Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && SenderId.Validate(value.Trim()) is { IsValid: false } result)
            {
                context.AddFailure(nameof(AccountSettingsInput.LeftMessageSenderId), result.Error!);
            }
        });
        RuleFor(s => s.AttributionWindowDays).InclusiveBetween(AttributionRule.MinWindowDays, AttributionRule.MaxWindowDays)
            .WithMessage(AttributionWindowMessage);
        RuleFor(s => s.LeftMessageExpiredUrl).Must(HttpsUrl.IsValid).When(s => !string.IsNullOrWhiteSpace(s.LeftMessageExpiredUrl)).WithMessage(HttpsUrl.Message);
    }
}
