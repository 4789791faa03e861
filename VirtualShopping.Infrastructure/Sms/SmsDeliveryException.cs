namespace VirtualShopping.Infrastructure.Sms;

/// <summary>The SMS provider refused or could not take a message; the message says why.</summary>
public sealed class SmsDeliveryException : Exception
{
    public SmsDeliveryException(string message)
        : base(message)
    {
    }

    public SmsDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmsDeliveryException()
    {
    }
}
