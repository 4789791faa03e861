using System.Collections.Concurrent;

namespace VirtualShopping.Web.Features.Products;

/// <summary>One import per merchant at a time in this process: a second one waits for the first to finish.</summary>
public sealed class ProductImportGate
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> turns = new();

    public async Task<IDisposable> EnterAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        var turn = turns.GetOrAdd(merchantId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        return new Release(turn);
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
