using System.Text.RegularExpressions;
using FluentValidation;

namespace VirtualShopping.Web.Features.Settings;

public sealed partial class IntegrationSettingsInputValidator : AbstractValidator<IntegrationSettingsInput>
{
    public IntegrationSettingsInputValidator()
    {
        When(s => s.ZendeskEnabled, () =>
        {
            RuleFor(s => s.ZendeskSubdomain).NotEmpty().WithMessage("Enter your Zendesk subdomain, e.g. acme for acme.zendesk.com.")
                .Must(v => v is null || Subdomain().IsMatch(v.Trim())).WithMessage("Use only the subdomain: letters, digits and hyphens, e.g. acme.");
            RuleFor(s => s.ZendeskEmail).NotEmpty().WithMessage("Enter the agent email the API token belongs to.")
                .EmailAddress().WithMessage("Enter a valid email address.");
            RuleFor(s => s.NewZendeskApiToken).NotEmpty().When(s => s.ZendeskApiTokenHint is null).WithMessage("Enter the Zendesk API token.");
        });
        When(s => s.MessengerEnabled, () =>
        {
            RuleFor(s => s.MessengerPageId).NotEmpty().WithMessage("Enter your Facebook Page ID.")
                .Must(v => v is null || v.Trim().All(char.IsAsciiDigit)).WithMessage("A Page ID is digits only.");
            RuleFor(s => s.NewMessengerAppSecret).NotEmpty().When(s => s.MessengerAppSecretHint is null).WithMessage("Enter the app secret (used to check Messenger's signatures).");
            RuleFor(s => s.NewMessengerPageAccessToken).NotEmpty().When(s => s.MessengerPageAccessTokenHint is null).WithMessage("Enter the Page access token.");
        });
        When(s => s.ShopifyEnabled, () =>
        {
            RuleFor(s => s.ShopifyShopDomain).NotEmpty().WithMessage("Enter your shop's myshopify.com domain, e.g. acme.myshopify.com.")
                .Must(v => v is null || ShopDomain().IsMatch(v.Trim())).WithMessage("Use the shop's myshopify.com domain, e.g. acme.myshopify.com (not your own domain).");
            RuleFor(s => s.NewShopifyWebhookSecret).NotEmpty().When(s => s.ShopifyWebhookSecretHint is null).WithMessage("Enter the secret that signs your webhooks (the app's client secret).");
        });
    }

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.myshopify\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex ShopDomain();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.IgnoreCase)]
    private static partial Regex Subdomain();
}
