using FluentValidation;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

public sealed class SavedReplyInputValidator : AbstractValidator<SavedReplyInput>
{
    public SavedReplyInputValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("Give the reply a title.").MaximumLength(80).WithMessage("The title can be at most 80 characters.");
        RuleFor(r => r.Shortcut).Must(s => SavedReply.IsValidShortcut(s?.Trim())).WithMessage("A shortcut starts with / followed by letters, digits or hyphens, e.g. /returns.");
        RuleFor(r => r.Language).Must(ChatLanguages.IsSupported).WithMessage("Choose a language from the list.");
        RuleFor(r => r.Text).NotEmpty().WithMessage("Write the reply.").MaximumLength(SavedReply.MaxTextLength).WithMessage($"Keep it under {SavedReply.MaxTextLength} characters.");
    }
}
