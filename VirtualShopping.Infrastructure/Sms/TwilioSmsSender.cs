using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Infrastructure.Sms;

/// <summary>
/// Sends SMS through Twilio's REST API in its real wire format: a form-encoded POST of To, From and Body
/// to /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP Basic authentication (SID and auth token).
/// Twilio answers 201 with the message resource (its "sid"), or an error object with "code" and "message".
/// </summary>
public sealed class TwilioSmsSender(HttpClient http, IOptionsMonitor<SmsOptions> options)
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    /// <summary>Sends one message and returns Twilio's message SID.</summary>
    public async Task<string> SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var settings = options.CurrentValue;
        if (!settings.IsConfigured)
        {
            throw new SmsDeliveryException("SMS is not configured: set Sms:AccountSid and Sms:AuthToken.");
        }

        var uri = new Uri(settings.BaseUrl, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid!)}/Messages.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = sms.To, ["From"] = sms.From, ["Body"] = sms.Body }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new SmsDeliveryException($"Could not reach the SMS provider: {e.Message}", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SmsDeliveryException($"The SMS provider refused the message ({(int)response.StatusCode}): {ErrorIn(body)}");
            }

            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("sid", out var sid) ? sid.GetString() ?? string.Empty : string.Empty;
        }
    }

    private static string ErrorIn(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var code = json.RootElement.TryGetProperty("code", out var c) ? c.ToString() : "?";
            var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : body;
            return $"{message} (code {code})";
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
