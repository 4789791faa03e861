using Microsoft.EntityFrameworkCore;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="VirtualShoppingDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<VirtualShoppingDbContext>
    where TContext : VirtualShoppingDbContext
{
    public VirtualShoppingDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<VirtualShoppingDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
