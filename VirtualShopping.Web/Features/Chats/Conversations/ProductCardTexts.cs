using System.Globalization;
using System.Text.Encodings.Web;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// A product card in the shopper's emails (the transcript, the offline reply), in the chat's language (English when a
/// language has none): one plain line, or a small HTML card with the https image and a link.
/// </summary>
public sealed record ProductCardTexts(string Sale, string Was, string InStock, string OutOfStock, string Preorder, string Backorder, string View)
{
    private static readonly Dictionary<string, ProductCardTexts> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("Sale", "was", "In stock", "Out of stock", "Preorder", "Backorder", "View product"),
        ["fr"] = new("Promo", "au lieu de", "En stock", "Rupture de stock", "Précommande", "En réapprovisionnement", "Voir le produit"),
        ["fi"] = new("Ale", "ennen", "Varastossa", "Loppu varastosta", "Ennakkotilattavissa", "Jälkitoimitus", "Katso tuote"),
        ["de"] = new("Sale", "statt", "Auf Lager", "Nicht vorrätig", "Vorbestellbar", "Nachbestellt", "Produkt ansehen"),
        ["es"] = new("Oferta", "antes", "En stock", "Agotado", "Preventa", "Bajo pedido", "Ver producto"),
        ["sv"] = new("Rea", "tidigare", "I lager", "Slut i lager", "Förbeställning", "Restnoterad", "Visa produkten"),
        ["nl"] = new("Sale", "was", "Op voorraad", "Uitverkocht", "Pre-order", "Nabestelling", "Bekijk product"),
        ["it"] = new("Saldi", "invece di", "Disponibile", "Esaurito", "Preordine", "In riassortimento", "Vedi prodotto"),
        ["da"] = new("Udsalg", "før", "På lager", "Udsolgt", "Forudbestilling", "I restordre", "Se produktet"),
        ["nb"] = new("Salg", "før", "På lager", "Utsolgt", "Forhåndsbestilling", "Restordre", "Se produktet"),
        ["pl"] = new("Promocja", "zamiast", "Dostępny", "Niedostępny", "Przedsprzedaż", "Na zamówienie", "Zobacz produkt"),
        ["pt"] = new("Promoção", "antes", "Em stock", "Esgotado", "Pré-venda", "Por encomenda", "Ver produto"),
    };

    public static ProductCardTexts For(string language) =>
        ByLanguage.TryGetValue(language, out var texts) ? texts : ByLanguage["en"];

    public string Availability(ProductAvailability availability) => availability switch
    {
        ProductAvailability.InStock => InStock,
        ProductAvailability.OutOfStock => OutOfStock,
        ProductAvailability.Preorder => Preorder,
        _ => Backorder,
    };

    /// <summary>"149.00 GBP" (English), "149,00 GBP" (French), with the currency's decimals.</summary>
    public static string Money(decimal amount, string currency, CultureInfo culture) =>
        $"{amount.ToString("N" + FeedPrice.DecimalsOf(currency).ToString(CultureInfo.InvariantCulture), culture)} {currency}";

    /// <summary>"189.00 GBP", or "Sale 149.00 GBP (was 189.00 GBP)".</summary>
    public string Price(ProductCardView card, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(card);
        var price = Money(card.Price, card.Currency, culture);
        return card.SalePrice is { } sale ? $"{Sale} {Money(sale, card.Currency, culture)} ({Was} {price})" : price;
    }

    /// <summary>"Cairn Down Jacket (Navy) — Sale 149.00 GBP (was 189.00 GBP) — In stock — https://…/p/…".</summary>
    public string Line(ProductCardView card, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(card);
        var name = card.Variant is null ? card.Title : $"{card.Title} ({card.Variant})";
        return $"{name} — {Price(card, culture)} — {Availability(card.Availability)} — {card.Url}";
    }

    /// <summary>A small card for an HTML email: the image (https only), the title as a link, the variant, the price and the availability.</summary>
    public string Html(ProductCardView card, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(card);
        var html = HtmlEncoder.Default;
        var link = html.Encode(card.Url);
        var image = SafeUrl.IsHttps(card.ImageUrl)
            ? $"<td style=\"padding:8px;vertical-align:top\" width=\"72\"><img src=\"{html.Encode(card.ImageUrl!)}\" alt=\"\" width=\"64\" height=\"64\" style=\"display:block;border-radius:6px;object-fit:cover\"></td>"
            : string.Empty;
        var variant = card.Variant is null ? string.Empty : $"<br><span style=\"color:#57606a\">{html.Encode(card.Variant)}</span>";
        return "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border:1px solid #d0d7de;border-radius:8px;margin:4px 0;border-collapse:separate\"><tr>"
            + image
            + $"<td style=\"padding:8px;vertical-align:top\"><a href=\"{link}\" style=\"font-weight:600\">{html.Encode(card.Title)}</a>{variant}"
            + $"<br>{html.Encode(Price(card, culture))}<br><span style=\"color:#57606a\">{html.Encode(Availability(card.Availability))}</span>"
            + $"<br><a href=\"{link}\">{html.Encode(View)}</a></td></tr></table>";
    }
}
