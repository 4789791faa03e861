using FluentValidation;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Web.Features.Stores;

/// <summary>The rules for a store, used by the dashboard form and the API alike.</summary>
public sealed class StoreInputValidator : AbstractValidator<StoreInput>
{
    public StoreInputValidator()
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("Enter the store's name.")
            .MaximumLength(120).WithMessage("The name can be at most 120 characters.");
        RuleFor(s => s.Code).MaximumLength(32).WithMessage("The store code can be at most 32 characters.");
        RuleFor(s => s.AddressLine1).NotEmpty().WithMessage("Enter the street address.")
            .MaximumLength(200);
        RuleFor(s => s.AddressLine2).MaximumLength(200);
        RuleFor(s => s.City).NotEmpty().WithMessage("Enter the city.").MaximumLength(100);
        RuleFor(s => s.PostalCode).NotEmpty().WithMessage("Enter the postal code.").MaximumLength(20);
        RuleFor(s => s.CountryCode).NotEmpty().WithMessage("Choose the country.")
            .Must(Countries.IsKnown).When(s => !string.IsNullOrWhiteSpace(s.CountryCode))
            .WithMessage("Use a two-letter ISO country code, e.g. GB or FI.");
        RuleFor(s => s.Latitude).InclusiveBetween(-90, 90).WithMessage("Latitude must be between -90 and 90.");
        RuleFor(s => s.Longitude).InclusiveBetween(-180, 180).WithMessage("Longitude must be between -180 and 180.");
        RuleFor(s => s.Longitude).NotNull().When(s => s.Latitude is not null).WithMessage("Enter both latitude and longitude, or neither.");
        RuleFor(s => s.Latitude).NotNull().When(s => s.Longitude is not null).WithMessage("Enter both latitude and longitude, or neither.");
        RuleFor(s => s.TimeZoneId).NotEmpty().WithMessage("Choose the store's time zone.")
            .Must(TimeZones.IsKnown).WithMessage("Choose a time zone from the list (IANA name, e.g. Europe/Helsinki).");
        RuleFor(s => s.Email).EmailAddress().When(s => !string.IsNullOrWhiteSpace(s.Email)).WithMessage("Enter a valid email address.");
        RuleFor(s => s.Phone).Must(PhoneNumber.IsE164).When(s => !string.IsNullOrWhiteSpace(s.Phone))
            .WithMessage("Enter the phone number in international format, e.g. +447700900123.");
        RuleFor(s => s.OpeningHours).Custom((periods, context) =>
        {
            var result = OpeningSchedule.Validate(periods.Select(p => new WeeklyOpeningHours { Day = p.Day, Opens = p.Opens, Closes = p.Closes }).ToList());
            if (!result.IsValid)
            {
                context.AddFailure(nameof(StoreInput.OpeningHours), result.Error!);
            }
        });
    }
}
