using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The real app as a child process (`dotnet VirtualShopping.Web.dll`, Testing environment) over a given SQLite file, on a
/// free loopback port it picks itself: what a server crash does to it is what a test can then look at.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];

    private AppProcess(Process process) => this.process = process;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the app over the database file and returns once it listens.</summary>
    public static async Task<AppProcess> StartAsync(string databasePath, string attachmentsPath)
    {
        var web = WebOutputFolder();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "VirtualShopping.Web.dll")])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__VirtualShopping"] = $"Data Source={databasePath}";
        start.Environment["Attachments__Path"] = attachmentsPath;
        start.Environment["AzureAd__ClientId"] = string.Empty;
        start.Environment["App__PublicBaseUrl"] = "http://127.0.0.1/";
        start.Environment["AllowedHosts"] = "*";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var app = new AppProcess(new Process { StartInfo = start });
        app.process.OutputDataReceived += (_, line) => app.Read(line.Data);
        app.process.ErrorDataReceived += (_, line) => app.Read(line.Data);
        app.process.Exited += (_, _) => app.listening.TrySetException(new InvalidOperationException("The app exited before it listened:\n" + app.Output));
        app.process.EnableRaisingEvents = true;
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            app.BaseAddress = await app.listening.Task.WaitAsync(StartPatience);
        }
        catch
        {
            app.Dispose();
            throw;
        }

        return app;
    }

    /// <summary>What the app wrote to its console so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>Ends the process at once (SIGKILL): no shutdown, no flushing, as a crash or a power cut.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Value + "/"));
        }
    }

    /// <summary>The app's own build output (next to this test project's), where its runtime config and settings are.</summary>
    private static string WebOutputFolder()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory); // .../VirtualShopping.Tests/bin/{Configuration}/{tfm}/
        var (framework, configuration) = (tests.Name, tests.Parent!.Name);
        var root = tests.Parent!.Parent!.Parent!.Parent!.FullName;
        var folder = Path.Combine(root, "VirtualShopping.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, "VirtualShopping.Web.dll"))
            ? folder
            : throw new InvalidOperationException($"Build VirtualShopping.Web first: {folder} has no VirtualShopping.Web.dll.");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
