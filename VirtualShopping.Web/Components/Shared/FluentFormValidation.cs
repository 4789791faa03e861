using FluentValidation;

namespace VirtualShopping.Web.Components.Shared;

/// <summary>
/// Glues a FluentValidation validator to MudForm's per-field validation, so a form shows the same
/// messages the API returns as problem details.
/// </summary>
public static class FluentFormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            if (model is not T typed)
            {
                return [];
            }

            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions(typed, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Where(e => e.PropertyName == propertyName).Select(e => e.ErrorMessage).Distinct().ToList();
        };
}
