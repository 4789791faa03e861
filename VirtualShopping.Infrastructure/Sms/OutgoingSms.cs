namespace VirtualShopping.Infrastructure.Sms;

/// <summary>One text message: to an E.164 number, from an alphanumeric sender ID or a number.</summary>
public sealed record OutgoingSms(string To, string From, string Body);
