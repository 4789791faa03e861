using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Tenancy;

/// <summary>
/// A Blazor circuit outlives the request that opened it, so its merchant comes from the circuit's
/// authentication state, kept current when that state changes.
/// </summary>
internal sealed class CircuitMerchantHandler(AuthenticationStateProvider authentication, MerchantScope scope) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        scope.UseCircuitUser(state.User);
        authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> task)
    {
        try
        {
            scope.UseCircuitUser((await task).User);
        }
        catch (InvalidOperationException)
        {
            // The state could not be read: keep the previous user rather than widen access.
        }
    }
}
