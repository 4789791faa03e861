using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>The settings API: /api/v1/settings.</summary>
public static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/settings").WithTags("Settings").RequireAuthorization(Policies.Settings);

        group.MapGet("/store-app", async (SettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetStoreAppAsync(ct)))
            .WithName("GetStoreAppSettings");

        group.MapPut("/store-app", async (StoreAppSettingsInput input, SettingsService settings, CancellationToken ct) =>
            (await settings.SaveStoreAppAsync(input, ct)).ToHttp(saved => saved))
            .WithName("SaveStoreAppSettings");

        group.MapGet("/account", async (SettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAccountAsync(ct)))
            .WithName("GetAccountSettings");

        group.MapPut("/account", async (AccountSettingsInput input, SettingsService settings, CancellationToken ct) =>
            (await settings.SaveAccountAsync(input, ct)).ToHttp(saved => saved))
            .WithName("SaveAccountSettings");

        group.MapGet("/integrations", async (SettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetIntegrationsAsync(ct)))
            .WithName("GetIntegrationSettings");

        group.MapPut("/integrations", async (IntegrationSettingsInput input, SettingsService settings, CancellationToken ct) =>
            (await settings.SaveIntegrationsAsync(input, ct)).ToHttp(saved => saved))
            .WithName("SaveIntegrationSettings");

        group.MapGet("/chat", async (SettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetChatAsync(ct)))
            .WithName("GetChatSettings");

        group.MapPut("/chat", async (ChatSettingsInput input, SettingsService settings, CancellationToken ct) =>
            (await settings.SaveChatAsync(input, ct)).ToHttp(saved => saved))
            .WithName("SaveChatSettings");

        group.MapDiscountCodeEndpoints();
    }
}
