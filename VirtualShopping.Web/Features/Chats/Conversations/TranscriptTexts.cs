namespace VirtualShopping.Web.Features.Chats;

/// <summary>The words of the transcript email in each chat language; English when a language has none.</summary>
public sealed record TranscriptTexts(string Subject, string Intro, string You, string Closing)
{
    private static readonly Dictionary<string, TranscriptTexts> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("Your chat with {0}", "Here is a copy of your chat on {0}.", "You", "Thank you for chatting with us."),
        ["fr"] = new("Votre conversation avec {0}", "Voici une copie de votre conversation du {0}.", "Vous", "Merci d'avoir discuté avec nous."),
        ["fi"] = new("Keskustelusi: {0}", "Tässä on kopio keskustelustasi {0}.", "Sinä", "Kiitos keskustelusta."),
        ["de"] = new("Ihr Chat mit {0}", "Hier ist eine Kopie Ihres Chats vom {0}.", "Sie", "Vielen Dank für Ihren Besuch im Chat."),
        ["es"] = new("Tu chat con {0}", "Aquí tienes una copia de tu chat del {0}.", "Tú", "Gracias por chatear con nosotros."),
        ["sv"] = new("Din chatt med {0}", "Här är en kopia av din chatt den {0}.", "Du", "Tack för att du chattade med oss."),
        ["nl"] = new("Je chat met {0}", "Hier is een kopie van je chat van {0}.", "Jij", "Bedankt voor het chatten."),
        ["it"] = new("La tua chat con {0}", "Ecco una copia della tua chat del {0}.", "Tu", "Grazie per aver chattato con noi."),
        ["da"] = new("Din chat med {0}", "Her er en kopi af din chat den {0}.", "Dig", "Tak fordi du chattede med os."),
        ["nb"] = new("Chatten din med {0}", "Her er en kopi av chatten din {0}.", "Deg", "Takk for at du chattet med oss."),
        ["pl"] = new("Twój czat z {0}", "Oto kopia Twojego czatu z dnia {0}.", "Ty", "Dziękujemy za rozmowę."),
        ["pt"] = new("A sua conversa com {0}", "Aqui está uma cópia da sua conversa de {0}.", "Você", "Obrigado por conversar connosco."),
    };

    public static TranscriptTexts For(string language) =>
        ByLanguage.TryGetValue(language, out var texts) ? texts : ByLanguage["en"];
}
