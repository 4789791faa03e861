using FluentValidation;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Web.Features.Settings;

public sealed class DiscountCodeInputValidator : AbstractValidator<DiscountCodeInput>
{
    public DiscountCodeInputValidator()
    {
        RuleFor(d => d.Code).Must(DiscountCode.IsValidCode)
            .WithMessage($"A code is {DiscountCode.MinCodeLength}–{DiscountCode.MaxCodeLength} letters, digits, hyphens or underscores, e.g. SAVE10.");
        RuleFor(d => d.Description).NotEmpty().WithMessage("Say what the code gives, e.g. 10% off your first order.")
            .MaximumLength(DiscountCode.MaxDescriptionLength).WithMessage($"Keep it under {DiscountCode.MaxDescriptionLength} characters.");
        RuleFor(d => d.ApplyUrlPattern).Must(p => DiscountCode.IsValidApplyUrlPattern(p!.Trim()))
            .When(d => !string.IsNullOrWhiteSpace(d.ApplyUrlPattern))
            .WithMessage("Use an https:// address that contains {code} once, e.g. https://shop.example/discount/{code}.");
    }
}
