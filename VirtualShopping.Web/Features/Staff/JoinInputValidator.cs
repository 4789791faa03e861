using FluentValidation;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Web.Features.Staff;

public sealed class JoinInputValidator : AbstractValidator<JoinInput>
{
    public JoinInputValidator()
    {
        RuleFor(j => j.InviteCode).NotEmpty().WithMessage("Enter the invite code your store manager gave you.")
            .Must(InviteCode.IsWellFormed).When(j => !string.IsNullOrWhiteSpace(j.InviteCode))
            .WithMessage($"The invite code has {InviteCode.Length} letters and digits.");
        RuleFor(j => j.DisplayName).NotEmpty().WithMessage("Enter your name.").MaximumLength(120);
        RuleFor(j => j.Email).NotEmpty().WithMessage("Enter your email address.").EmailAddress().WithMessage("Enter a valid email address.").MaximumLength(256);
        RuleFor(j => j.EmployeeId).MaximumLength(32);
        RuleFor(j => j.Password).NotEmpty().WithMessage("Choose a password.").MinimumLength(10).WithMessage("Use at least 10 characters.");
        RuleFor(j => j.ConfirmPassword).Equal(j => j.Password).WithMessage("The passwords don't match.");
    }
}
