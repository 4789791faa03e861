using FluentValidation;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>The rules for inviting or editing a staff member, shared by the dashboard and the API.</summary>
public sealed class StaffInputValidator : AbstractValidator<StaffInput>
{
    public StaffInputValidator()
    {
        RuleFor(s => s.DisplayName).NotEmpty().WithMessage("Enter the person's name.")
            .MaximumLength(120).WithMessage("The name can be at most 120 characters.");
        RuleFor(s => s.Email).NotEmpty().WithMessage("Enter an email address.")
            .EmailAddress().WithMessage("Enter a valid email address.")
            .MaximumLength(256);
        RuleFor(s => s.EmployeeId).MaximumLength(32).WithMessage("The employee ID can be at most 32 characters.");
        RuleFor(s => s.Roles).Must(r => r != StaffRoles.None).WithMessage("Choose at least one role.")
            .Must(r => ((int)r & ~(int)(StaffRoles.HqAdmin | StaffRoles.StoreManager | StaffRoles.Expert | StaffRoles.Support)) == 0).WithMessage("Unknown role.");
        RuleFor(s => s.Languages).Must(l => l is null || l.All(ChatLanguages.IsSupported))
            .WithMessage($"Choose languages from the chat's list: {string.Join(", ", ChatLanguages.Codes)}.");
    }
}
