using System.Globalization;
using System.Net;
using System.Text;
using VirtualShopping.Infrastructure.Email;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>
/// Builds one scheduled email as plain text and as simple inline-styled HTML at once, so both always say the same;
/// ends with why the person gets it and the one-click unsubscribe link. The dashboard is in English only, so the
/// emails are too.
/// </summary>
public sealed class EmailBody
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public EmailBody(string heading)
    {
        text.AppendLine(heading).AppendLine(new string('=', Math.Min(heading.Length, 60))).AppendLine();
        html.Append("<div style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2937;max-width:680px\">")
            .Append("<h1 style=\"font-size:20px;margin:0 0 12px\">").Append(Encode(heading)).Append("</h1>");
    }

    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    public EmailBody Paragraph(string value)
    {
        text.AppendLine(value).AppendLine();
        html.Append("<p style=\"margin:0 0 12px\">").Append(Encode(value)).Append("</p>");
        return this;
    }

    public EmailBody Subheading(string value)
    {
        text.AppendLine(value).AppendLine(new string('-', Math.Min(value.Length, 60)));
        html.Append("<h2 style=\"font-size:16px;margin:16px 0 8px\">").Append(Encode(value)).Append("</h2>");
        return this;
    }

    /// <summary>A list of facts, label and value.</summary>
    public EmailBody Facts(IEnumerable<(string Label, string Value)> facts)
    {
        html.Append("<table style=\"border-collapse:collapse;margin:0 0 12px\">");
        foreach (var (label, value) in facts)
        {
            text.Append("  ").Append(label).Append(": ").AppendLine(value);
            html.Append("<tr><td style=\"padding:2px 16px 2px 0;color:#4b5563\">").Append(Encode(label))
                .Append("</td><td style=\"padding:2px 0;font-weight:bold\">").Append(Encode(value)).Append("</td></tr>");
        }

        text.AppendLine();
        html.Append("</table>");
        return this;
    }

    /// <summary>A table with a header row; the text version lists each row on one line.</summary>
    public EmailBody Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        text.AppendLine(string.Join(" | ", header));
        html.Append("<table style=\"border-collapse:collapse;margin:0 0 12px;font-size:13px\"><thead><tr>");
        foreach (var cell in header)
        {
            html.Append("<th style=\"text-align:left;border-bottom:2px solid #d1d5db;padding:4px 8px\">").Append(Encode(cell)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(" | ", row));
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td style=\"border-bottom:1px solid #e5e7eb;padding:4px 8px\">").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        text.AppendLine();
        html.Append("</tbody></table>");
        return this;
    }

    public EmailBody Link(string label, string url)
    {
        text.Append(label).Append(": ").AppendLine(url).AppendLine();
        html.Append("<p style=\"margin:0 0 12px\"><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(label)).Append("</a></p>");
        return this;
    }

    /// <summary>The finished email, with the footer saying why it came and how to stop it.</summary>
    public OutgoingEmail Build(string toAddress, string toName, string subject, string why, string unsubscribeUrl, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        text.AppendLine("--").AppendLine(why).Append("Stop these emails: ").AppendLine(unsubscribeUrl);
        html.Append("<hr style=\"border:none;border-top:1px solid #e5e7eb;margin:20px 0 8px\">")
            .Append("<p style=\"font-size:12px;color:#6b7280;margin:0\">").Append(Encode(why))
            .Append(" <a href=\"").Append(Encode(unsubscribeUrl)).Append("\">Unsubscribe</a></p></div>");
        return new OutgoingEmail(toAddress, toName, subject, text.ToString(), html.ToString(), attachments);
    }

    public static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    public static string Duration(TimeSpan? value) => value switch
    {
        null => "–",
        { TotalMinutes: < 1 } t => $"{(int)t.TotalSeconds} s",
        { TotalHours: < 1 } t => $"{(int)t.TotalMinutes} min {t.Seconds} s",
        var t => $"{(int)t.Value.TotalHours} h {t.Value.Minutes} min",
    };

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "–";

    public static string Money(decimal amount, string currency) => amount.ToString("N2", CultureInfo.InvariantCulture) + " " + currency;
}
