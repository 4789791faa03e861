namespace VirtualShopping.Benchmarks;

/// <summary>What the echo hub relays: the sender's id for the message (to time it) and its text.</summary>
internal sealed record EchoMessage(string ClientMessageId, string Text);
