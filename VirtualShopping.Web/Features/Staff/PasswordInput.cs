using FluentValidation;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>A new password, typed twice.</summary>
public sealed class PasswordInput
{
    public string Password { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class PasswordInputValidator : AbstractValidator<PasswordInput>
{
    public PasswordInputValidator()
    {
        RuleFor(p => p.Password).NotEmpty().WithMessage("Choose a password.").MinimumLength(10).WithMessage("Use at least 10 characters.");
        RuleFor(p => p.ConfirmPassword).Equal(p => p.Password).WithMessage("The passwords don't match.");
    }
}
