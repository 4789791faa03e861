using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A minimal SMTP server on a loopback port that accepts every message and keeps it, so email is
/// tested over a real SMTP conversation (MailKit on one side) rather than a fake sender.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    /// <param name="port">A given port (a test that first finds no server there), or 0 for any free one.</param>
    public SmtpSink(int port = 0)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private readonly List<(string To, TaskCompletionSource<ReceivedEmail> Arrived)> waiters = [];

    public List<ReceivedEmail> Received { get; } = [];

    /// <summary>The first message to this address, parsed; waits (up to 20 s) for the sink to accept one.</summary>
    public async Task<MimeMessage> MessageToAsync(string to)
    {
        var arrived = new TaskCompletionSource<ReceivedEmail>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Received)
        {
            if (Received.FirstOrDefault(e => e.To.Contains(to)) is { } already)
            {
                arrived.SetResult(already);
            }
            else
            {
                waiters.Add((to, arrived));
            }
        }

        var email = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(email.Data));
        return await MimeMessage.LoadAsync(stream);
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8); // it announces 8BITMIME: bodies may come as 8-bit UTF-8
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost SmtpSink ready");
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = Address(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                    }

                    var received = new ReceivedEmail(from ?? string.Empty, [.. to], data.ToString());
                    lock (Received)
                    {
                        Received.Add(received);
                        foreach (var waiter in waiters.Where(w => received.To.Contains(w.To)).ToList())
                        {
                            waiters.Remove(waiter);
                            waiter.Arrived.SetResult(received);
                        }
                    }

                    to.Clear();
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private static string Address(string line) => line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}

/// <summary>A message the sink accepted: envelope sender, recipients and the raw MIME text.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> To, string Data);
