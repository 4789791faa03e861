using FluentValidation;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

public sealed class StoreAppSettingsInputValidator : AbstractValidator<StoreAppSettingsInput>
{
    public StoreAppSettingsInputValidator()
    {
        RuleFor(s => s.MaxSimultaneousChats).InclusiveBetween(StoreAppSettings.MinSimultaneousChats, StoreAppSettings.MaxSimultaneousChatsLimit)
            .WithMessage($"Choose between {StoreAppSettings.MinSimultaneousChats} and {StoreAppSettings.MaxSimultaneousChatsLimit} chats.");
        RuleFor(s => s.OfferCountdownSeconds).InclusiveBetween(5, 120).WithMessage("Choose a countdown between 5 and 120 seconds.");
        RuleFor(s => s.WaveIntervalSeconds).InclusiveBetween(5, 120).WithMessage("Choose a wave interval between 5 and 120 seconds.");
        RuleFor(s => s.NumberOfWaves).InclusiveBetween(1, 10).WithMessage("Choose between 1 and 10 waves.");
        RuleFor(s => s.ClaimPeriodSeconds).InclusiveBetween(15, 600).WithMessage("Choose a claim period between 15 and 600 seconds.");
        RuleFor(s => s.IdleAutoEndMinutes).InclusiveBetween(1, 240).WithMessage("Choose between 1 and 240 minutes.");
        RuleFor(s => s.IdleWarningMinutes).InclusiveBetween(1, 60).WithMessage("Choose between 1 and 60 minutes.");
        RuleFor(s => s).Custom((input, context) =>
        {
            var settings = new StoreAppSettings();
            input.ApplyTo(settings);
            foreach (var (field, message) in settings.Inconsistencies())
            {
                context.AddFailure(field, message);
            }
        });
    }
}
