namespace VirtualShopping.Benchmarks;

/// <summary>What one phase cost the process: wall time, CPU (in cores busy on average), thread pool size, SQL work.</summary>
internal sealed record PhaseStats(TimeSpan Wall, double CoresBusy, int MaxPoolThreads, long MaxQueuedWorkItems, SqlTotals Sql);
