using FluentValidation;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

public sealed class ChatSettingsInputValidator : AbstractValidator<ChatSettingsInput>
{
    public ChatSettingsInputValidator()
    {
        RuleFor(s => s.DefaultLanguage).Must(ChatLanguages.IsSupported).WithMessage("Choose the default language from the list.");
        RuleFor(s => s.Languages).NotEmpty().WithMessage("Offer at least one language.")
            .Must(l => l.All(ChatLanguages.IsSupported)).WithMessage("Choose languages from the list.");
        RuleFor(s => s.PrimaryColour).Must(ColourContrast.IsHexColour).WithMessage("Use a colour like #3F3A8C.");
        RuleFor(s => s.SecondaryColour).Must(ColourContrast.IsHexColour).WithMessage("Use a colour like #D9486A.");
        RuleFor(s => s.PrimaryColour).Must(c => ColourContrast.Ratio(ColourContrast.TextOn(c), c) >= ColourContrast.AaNormalText)
            .When(s => ColourContrast.IsHexColour(s.PrimaryColour))
            .WithMessage(s => $"Text on this colour is hard to read (contrast {ColourContrast.Ratio(ColourContrast.TextOn(s.PrimaryColour), s.PrimaryColour):0.0}:1; WCAG AA needs 4.5:1). Pick a darker or lighter shade.");
        RuleFor(s => s.FontFamily).Must(f => ChatSettingsInput.Fonts.Contains(f)).WithMessage("Choose a font from the list.");
        RuleFor(s => s.OffsetX).InclusiveBetween(0, 200).WithMessage("Use 0–200 pixels.");
        RuleFor(s => s.OffsetY).InclusiveBetween(0, 200).WithMessage("Use 0–200 pixels.");
        RuleFor(s => s.PrivacyPolicyUrl).Must(HttpsUrl.IsValid).When(s => !string.IsNullOrWhiteSpace(s.PrivacyPolicyUrl)).WithMessage(HttpsUrl.Message);
        RuleFor(s => s.TermsUrl).Must(HttpsUrl.IsValid).When(s => !string.IsNullOrWhiteSpace(s.TermsUrl)).WithMessage(HttpsUrl.Message);
        RuleFor(s => s.CustomerServiceUrl).Must(HttpsUrl.IsValid).When(s => !string.IsNullOrWhiteSpace(s.CustomerServiceUrl)).WithMessage(HttpsUrl.Message);
        RuleFor(s => s.AutoCloseSeconds).InclusiveBetween(0, 3600).WithMessage("Use 0 (stay open) to 3600 seconds.");
        RuleFor(s => s.CookieTtlDays).InclusiveBetween(1, 730).WithMessage("Use 1–730 days.");
        RuleFor(s => s.DismissedBubbleHideHours).InclusiveBetween(0, 720).WithMessage("Use 0–720 hours.");
        RuleFor(s => s.IncludeUrlPatterns).Must(p => ChatSettingsInput.Lines(p).All(UrlPattern.IsValid)).WithMessage("One pattern per line, no spaces or quotes, e.g. https://www.example.com/women/*.");
        RuleFor(s => s.ExcludeUrlPatterns).Must(p => ChatSettingsInput.Lines(p).All(UrlPattern.IsValid)).WithMessage("One pattern per line, no spaces or quotes, e.g. */checkout*.");
        RuleFor(s => s).Must(s => s.ShowOnDesktop || s.ShowOnMobile).WithName(nameof(ChatSettingsInput.ShowOnDesktop)).OverridePropertyName(nameof(ChatSettingsInput.ShowOnDesktop))
            .WithMessage("Show the chat on desktop, mobile, or both.");
        RuleFor(s => s.Countries).Must(c => c.All(Stores.Countries.IsKnown)).WithMessage("Choose countries from the list.");
        RuleFor(s => s.AllowedOrigins).Must(o => new ChatSettingsInput { AllowedOrigins = o }.OriginList.All(SafeUrl.IsOrigin))
            .WithMessage("Put one site per line, like https://www.example.com (no path).");
        RuleFor(s => s.Texts).Must(t => t.Keys.All(ChatLanguages.IsSupported) && t.Values.All(v => v.Keys.All(k => ChatText.Keys.Contains(k)) && v.Values.All(x => x is null || x.Length <= 1000)))
            .WithMessage("Texts must be for supported languages and at most 1000 characters.");
    }
}
