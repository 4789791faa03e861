using System.Collections.Concurrent;
using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// What this app instance knows about the routing offers it made and resolved, so that the many experts who lose
/// a claim are answered without touching the database. Only final facts are kept: an offer's chat and expert
/// never change, and an offer this instance claimed or withdrew never becomes pending again. Claims of one chat in
/// this instance go through one at a time (<see cref="EnterAsync"/>): when the first wins, the others are answered
/// from memory; when it fails, the next one asks the database, which stays the judge across instances. Entries are
/// forgotten after a while (a later claim asks the database), and the memory is bounded.
/// </summary>
public sealed class ClaimMemory(TimeProvider clock)
{
    /// <summary>Past this many remembered offers, the forgettable ones go; past twice as many, everything goes.</summary>
    internal const int Capacity = 200_000;

    /// <summary>How long a final answer is kept for late taps, after which a claim asks the database.</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, OfferFacts> offers = new();
    private readonly ConcurrentDictionary<Guid, KnownAnswer> answers = new();
    private readonly Dictionary<Guid, Gate> gates = [];
    private int trimAt = Capacity;
    private int touches;

    /// <summary>Remembers the offers of a wave this instance just wrote.</summary>
    public void Offered(IEnumerable<OfferFacts> made)
    {
        ArgumentNullException.ThrowIfNull(made);
        foreach (var offer in made)
        {
            offers[offer.OfferId] = offer;
        }

        Trim();
    }

    /// <summary>The offer as this instance made it, if it still remembers it.</summary>
    public OfferFacts? Offer(Guid offerId) =>
        offers.TryGetValue(offerId, out var offer) && offer.ForgetAt > clock.GetUtcNow() ? offer : null;

    /// <summary>Records the final answer to any claim of this offer (its expert's own claim won, or a colleague's did).</summary>
    public void Answered(Guid offerId, Guid staffMemberId, ClaimRefusal refusal)
    {
        answers[offerId] = new KnownAnswer(staffMemberId, refusal, clock.GetUtcNow() + Remembered);

        // Answered, the offer's facts are no longer needed.
        offers.TryRemove(offerId, out _);
        Trim();
    }

    /// <summary>
    /// The answer to this expert's claim of this offer when this instance knows it for certain: a refusal, or
    /// <see cref="ClaimOutcome.NotFound"/> when the offer is someone else's; null when the database must be asked.
    /// </summary>
    public ClaimOutcome? KnownOutcome(Guid offerId, Guid staffMemberId)
    {
        var now = clock.GetUtcNow();
        if (answers.TryGetValue(offerId, out var known) && known.ForgetAt > now)
        {
            return known.StaffMemberId == staffMemberId ? new ClaimOutcome(null, known.Refusal) : ClaimOutcome.NotFound;
        }

        return offers.TryGetValue(offerId, out var offer) && offer.ForgetAt > now && offer.StaffMemberId != staffMemberId ? ClaimOutcome.NotFound : null;
    }

    /// <summary>Waits until no other claim of this chat is running in this instance; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(Guid chatId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(chatId, out gate!))
            {
                gate = new Gate();
                gates[chatId] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(chatId, gate, entered: false);
            throw;
        }

        return new Lease(this, chatId, gate);
    }

    /// <summary>How many claims of chats are running or waiting their turn in this instance (for tests: none are left behind).</summary>
    internal int ChatsInFlight
    {
        get
        {
            lock (gates)
            {
                return gates.Count;
            }
        }
    }

    private void Leave(Guid chatId, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Turn.Release();
        }

        lock (gates)
        {
            if (--gate.Users == 0)
            {
                gates.Remove(chatId);
                gate.Turn.Dispose();
            }
        }
    }

    private void Trim()
    {
        // Counting a ConcurrentDictionary takes all its locks (lock contention in issue 11's profile): count only every
        // 1,024th entry. Looking through the memory costs a pass over it: only every Capacity / 4 new entries past the bound.
        if ((Interlocked.Increment(ref touches) & 1023) != 0)
        {
            return;
        }

        var count = offers.Count + answers.Count;
        if (count <= Volatile.Read(ref trimAt) || Interlocked.Exchange(ref trimAt, int.MaxValue) == int.MaxValue)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var (id, offer) in offers.Where(o => o.Value.ForgetAt <= now).ToList())
        {
            offers.TryRemove(new KeyValuePair<Guid, OfferFacts>(id, offer));
        }

        foreach (var (id, answer) in answers.Where(a => a.Value.ForgetAt <= now).ToList())
        {
            answers.TryRemove(new KeyValuePair<Guid, KnownAnswer>(id, answer));
        }

        if (offers.Count + answers.Count > 2 * Capacity)
        {
            // Forgetting only sends claims to the database, which answers them as before.
            offers.Clear();
            answers.Clear();
        }

        Volatile.Write(ref trimAt, Math.Max(Capacity, offers.Count + answers.Count + (Capacity / 4)));
    }

    private sealed record KnownAnswer(Guid StaffMemberId, ClaimRefusal Refusal, DateTimeOffset ForgetAt);

    private sealed class Gate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(ClaimMemory memory, Guid chatId, Gate gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                memory.Leave(chatId, gate, entered: true);
            }
        }
    }
}

/// <summary>
/// A routing offer as the instance that made it knows it: enough to claim it without reading it back, including
/// the store the expert would answer from (worked out with the wave's data).
/// </summary>
public sealed record OfferFacts(
    Guid OfferId,
    Guid ChatId,
    Guid StaffMemberId,
    DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt,
    Guid? StoreId,
    string? StoreName)
{
    /// <summary>A minute after the countdown ends, a claim asks the database again.</summary>
    public DateTimeOffset ForgetAt => ExpiresAt + TimeSpan.FromMinutes(1);
}
