namespace VirtualShopping.Domain.Settings;

/// <summary>One customised widget text in one language (e.g. the greeting in French).</summary>
public sealed class ChatText
{
    public const string Greeting = "greeting";
    public const string NeedsSelectorPrompt = "needsSelectorPrompt";
    public const string OutOfHours = "outOfHours";
    public const string MissedChat = "missedChat";
    public const string LeftMessageThanks = "leftMessageThanks";

    public static IReadOnlyList<string> Keys { get; } = [Greeting, NeedsSelectorPrompt, OutOfHours, MissedChat, LeftMessageThanks];

    public required string Language { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
