using System.Globalization;
using System.Net;

namespace VirtualShopping.Web.Features.DemoShop;

/// <summary>Simple SVG drawings of the demo products (no external images, no styles: presentation attributes only).</summary>
public static class ProductIllustrations
{
    public static string Svg(DemoProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var c = product.Colour;
        var shape = product.Art switch
        {
            ProductArt.Shoe => $"""<path d="M60 250 Q70 170 130 175 L190 200 Q250 215 320 235 Q350 245 345 275 L60 275 Z" fill="{c}"/><rect x="55" y="272" width="295" height="22" rx="10" fill="#2b2b2b"/><path d="M150 190 L175 215 M170 195 L195 220 M190 203 L212 225" stroke="#ffffff" stroke-width="5"/>""",
            ProductArt.Boot => $"""<path d="M110 110 L200 110 L205 225 Q290 230 320 255 Q335 270 330 285 L95 285 Z" fill="{c}"/><rect x="90" y="282" width="245" height="24" rx="8" fill="#2b1a0e"/><path d="M125 140 L185 140 M125 170 L185 170 M125 200 L185 200" stroke="#e9d8b4" stroke-width="5"/>""",
            ProductArt.Tent => $"""<path d="M60 300 L200 110 L340 300 Z" fill="{c}"/><path d="M200 110 L170 300 L230 300 Z" fill="#1d2b1c"/><line x1="40" y1="300" x2="360" y2="300" stroke="#6b5a3c" stroke-width="6"/>""",
            ProductArt.Coat => $"""<path d="M140 90 L260 90 L320 140 L300 320 L100 320 L80 140 Z" fill="{c}"/><path d="M200 95 L170 200 L200 320 L230 200 Z" fill="#4a4d52"/><circle cx="215" cy="220" r="6" fill="#222"/><circle cx="215" cy="260" r="6" fill="#222"/>""",
            ProductArt.Jacket => $"""<path d="M135 90 L265 90 L330 150 L305 300 L95 300 L70 150 Z" fill="{c}"/><path d="M95 160 L305 160 M92 210 L308 210 M90 255 L310 255" stroke="#0f1d33" stroke-width="6"/><line x1="200" y1="92" x2="200" y2="300" stroke="#d9d9d9" stroke-width="4"/>""",
            ProductArt.Shirt => $"""<path d="M140 90 L260 90 L330 140 L300 175 L280 160 L280 320 L120 320 L120 160 L100 175 L70 140 Z" fill="{c}"/><path d="M170 90 L200 125 L230 90" fill="#ffffff"/><circle cx="200" cy="170" r="5" fill="#ffffff"/><circle cx="200" cy="215" r="5" fill="#ffffff"/><circle cx="200" cy="260" r="5" fill="#ffffff"/>""",
            ProductArt.Dress => $"""<path d="M165 80 L235 80 L245 170 L320 330 L80 330 L155 170 Z" fill="{c}"/><rect x="150" y="165" width="100" height="14" fill="#8a5a22"/>""",
            ProductArt.Rucksack => $"""<rect x="115" y="90" width="170" height="230" rx="45" fill="{c}"/><rect x="140" y="200" width="120" height="80" rx="14" fill="#7d2820"/><path d="M150 90 Q200 40 250 90" stroke="#333333" stroke-width="10" fill="none"/>""",
            ProductArt.Trousers => $"""<path d="M130 80 L270 80 L290 330 L215 330 L200 160 L185 330 L110 330 Z" fill="{c}"/><rect x="130" y="80" width="140" height="18" fill="#1a2529"/>""",
            _ => $"""<path d="M140 90 L260 90 L330 150 L305 180 L280 165 L280 320 L120 320 L120 165 L95 180 L70 150 Z" fill="{c}"/><path d="M120 200 L280 200 M120 240 L280 240 M120 280 L280 280" stroke="#7f8fa6" stroke-width="4"/>""",
        };
        var title = WebUtility.HtmlEncode(product.Name);
        return string.Create(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="{title}"><title>{title}</title><rect width="400" height="400" fill="#f3efe8"/>{shape}</svg>""");
    }
}
