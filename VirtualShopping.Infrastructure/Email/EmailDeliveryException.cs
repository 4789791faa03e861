namespace VirtualShopping.Infrastructure.Email;

/// <summary>The SMTP server could not be reached or refused the message; the message says which, for people.</summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException()
    {
    }
}
