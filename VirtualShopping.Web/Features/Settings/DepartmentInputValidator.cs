using FluentValidation;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

public sealed class DepartmentInputValidator : AbstractValidator<DepartmentInput>
{
    public DepartmentInputValidator()
    {
        RuleFor(d => d.Name).NotEmpty().WithMessage("Enter the department's name.")
            .MaximumLength(80).WithMessage("The name can be at most 80 characters.");
        RuleForEach(d => d.Labels).Must(l => ChatLanguages.IsSupported(l.Key)).WithMessage("Labels can only be given for supported chat languages.")
            .Must(l => l.Value is null || l.Value.Length <= 80).WithMessage("A label can be at most 80 characters.");
    }
}
