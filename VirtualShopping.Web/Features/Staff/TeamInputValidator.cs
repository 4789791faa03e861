using FluentValidation;

namespace VirtualShopping.Web.Features.Staff;

public sealed class TeamInputValidator : AbstractValidator<TeamInput>
{
    public TeamInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("Enter the team's name.")
            .MaximumLength(80).WithMessage("The name can be at most 80 characters.");
        RuleFor(t => t.StoreId).NotEmpty().WithMessage("Choose the team's store.");
        RuleFor(t => t.DepartmentIds).NotEmpty().WithMessage("Choose at least one department the team serves.");
    }
}
