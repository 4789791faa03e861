namespace VirtualShopping.Benchmarks;

/// <summary>Placeholder, replaced below.</summary>
internal static class InboxBrowserRun
{
    public static Task<Result> RunAsync(BenchmarkAppFactory app, BenchmarkWorld world, int messages) => Task.FromResult(new Result($"{app}{world}{messages}"));

    internal sealed record Result(string Text)
    {
        public string Describe() => Text;

        public string DescribeEcho() => Text;
    }
}
