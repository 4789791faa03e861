using Microsoft.AspNetCore.Components.Server.Circuits;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Tenancy;

internal static class TenancySetup
{
    public static IServiceCollection AddMerchantScope(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(sp =>
        {
            var accessor = sp.GetRequiredService<IHttpContextAccessor>();
            return new MerchantScope(() => accessor.HttpContext?.User);
        });
        services.AddScoped<ICurrentMerchant>(sp => sp.GetRequiredService<MerchantScope>());
        services.AddScoped<CircuitHandler, CircuitMerchantHandler>();
        return services;
    }
}
