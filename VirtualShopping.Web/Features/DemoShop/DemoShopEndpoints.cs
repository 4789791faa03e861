using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Operations;

namespace VirtualShopping.Web.Features.DemoShop;

/// <summary>
/// The demo merchant's shop (Development only): a product list, product pages, a bag kept in the shop's own
/// localStorage and a checkout, server-rendered HTML with one small script and one stylesheet. It embeds the
/// widget snippet exactly as a merchant does (queue stub plus the async loader with the demo merchant's key)
/// and serves a strict Content-Security-Policy of its own, the one the README tells merchants to allow: a
/// nonce for its own scripts, and the app's origin for script-src, connect-src, frame-src and img-src; no
/// 'unsafe-inline', no 'unsafe-eval'.
/// </summary>
public static class DemoShopEndpoints
{
    public const string BasePath = "/demo/shop";

    private static readonly string[] Departments = ["Womenswear", "Menswear", "Footwear", "Outdoor gear"];

    private static readonly CultureInfo Pounds = CultureInfo.GetCultureInfo("en-GB");

    public static void MapDemoShop(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<DemoShopOptions>>().Value.Enabled)
        {
            return;
        }

        var shop = app.MapGroup(BasePath).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) => RedirectToShopOrigin(context.HttpContext) ?? await next(context));

        shop.MapGet("/", async (string? category, HttpContext http, CancellationToken ct) =>
        {
            var products = DemoCatalog.Products.Where(p => category is null || p.Category == category).ToList();
            var body = new StringBuilder();
            body.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(category ?? "New in for the season")}</h1>");
            body.Append("<ul class=\"products\">");
            foreach (var product in products)
            {
                body.Append(CultureInfo.InvariantCulture, $"""<li class="product-card"><a href="{ProductUrl(product)}"><img src="{ImageUrl(product)}" alt="" width="400" height="400"><span class="product-name">{Encode(product.Name)}</span></a><span class="brand">{Encode(product.Brand)}</span><span class="price">{Price(product.Price)}</span></li>""");
            }

            body.Append("</ul>");
            return await PageAsync(http, category ?? "Shop", body.ToString(), ct);
        });

        shop.MapGet("/products/{slug}", async (string slug, HttpContext http, CancellationToken ct) =>
        {
            if (DemoCatalog.Find(slug) is not { } product)
            {
                return await PageAsync(http, "Not found", "<h1>We couldn't find that product</h1><p><a href=\"" + BasePath + "\">Back to the shop</a></p>", ct, StatusCodes.Status404NotFound);
            }

            var data = JsonSerializer.Serialize(new
            {
                id = product.Id,
                name = product.Name,
                price = product.Price,
                currency = DemoCatalog.Currency,
                brand = product.Brand,
                category = product.Category,
                url = ProductUrl(product),
                image = ImageUrl(product),
            });
            var sizes = string.Concat(product.Variants.Select(v => $"<option>{Encode(v)}</option>"));
            var body = $"""
                <nav aria-label="Breadcrumb" class="crumbs"><a href="{BasePath}">Shop</a> › <a href="{BasePath}?category={Uri.EscapeDataString(product.Category)}">{Encode(product.Category)}</a></nav>
                <article class="product">
                  <img src="{ImageUrl(product)}" alt="{Encode(product.Name)}" width="400" height="400">
                  <div class="product-info">
                    <h1>{Encode(product.Name)}</h1>
                    <p class="brand">{Encode(product.Brand)}</p>
                    <p class="price">{Price(product.Price)}</p>
                    <p>{Encode(product.Description)}</p>
                    <form class="add-form" data-add-form>
                      <label for="variant">{(product.Art is ProductArt.Tent or ProductArt.Rucksack ? "Colour" : "Size")}</label>
                      <select id="variant" name="variant">{sizes}</select>
                      <label for="quantity">Quantity</label>
                      <input id="quantity" name="quantity" type="number" min="1" max="9" value="1" inputmode="numeric">
                      <button type="submit">Add to bag</button>
                    </form>
                    <p role="status" class="added" data-added></p>
                  </div>
                </article>
                <script type="application/json" id="product-data">{data.Replace("<", "\\u003c", StringComparison.Ordinal)}</script>
                """;
            return await PageAsync(http, product.Name, body, ct);
        });

        shop.MapGet("/cart", (HttpContext http, CancellationToken ct) => PageAsync(http, "Your bag", """
            <h1>Your bag</h1>
            <div data-cart><p>Loading your bag…</p></div>
            <p role="status" class="added" data-cart-status></p>
            """, ct));

        shop.MapGet("/checkout", (HttpContext http, CancellationToken ct) => PageAsync(http, "Checkout", """
            <h1>Checkout</h1>
            <div data-checkout><p>Loading your order…</p></div>
            """, ct));

        shop.MapGet("/images/{slug}.svg", (string slug) => DemoCatalog.Find(slug) is { } product
            ? Results.Text(ProductIllustrations.Svg(product), "image/svg+xml; charset=utf-8")
            : Results.NotFound());

        shop.MapGet("/assets/{file}", (string file) => file switch
        {
            "shop.js" => Asset("shop.js", "text/javascript; charset=utf-8"),
            "shop.css" => Asset("shop.css", "text/css; charset=utf-8"),
            _ => Results.NotFound(),
        });
    }

    public static string ProductUrl(DemoProduct product) => $"{BasePath}/products/{product.Slug}";

    public static string ImageUrl(DemoProduct product) => $"{BasePath}/images/{product.Slug}.svg";

    private static string Price(decimal price) => price.ToString("C", Pounds);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult? RedirectToShopOrigin(HttpContext http)
    {
        var origin = http.RequestServices.GetRequiredService<IOptions<DemoShopOptions>>().Value.Origin;
        if (string.IsNullOrWhiteSpace(origin) || !Uri.TryCreate(origin, UriKind.Absolute, out var shopOrigin))
        {
            return null;
        }

        var request = http.Request;
        if (string.Equals(request.Scheme, shopOrigin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(request.Host.Host, shopOrigin.Host, StringComparison.OrdinalIgnoreCase)
            && (request.Host.Port ?? (request.IsHttps ? 443 : 80)) == shopOrigin.Port)
        {
            return null;
        }

        return Results.Redirect(shopOrigin.GetLeftPart(UriPartial.Authority) + request.PathBase + request.Path + request.QueryString);
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = typeof(DemoShopEndpoints).Assembly.GetManifestResourceStream($"DemoShop.{name}")
            ?? throw new InvalidOperationException($"The demo shop's {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }

    private static async Task<IResult> PageAsync(HttpContext http, string title, string main, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var publicBase = http.RequestServices.GetRequiredService<IOptions<PublicAppOptions>>().Value.PublicBaseUri;
        var appOrigin = Widget.WidgetSnippet.Origin(publicBase);
        var key = await DemoMerchantKeyAsync(http.RequestServices, ct);
        var nonce = SecurityHeaders.ScriptNonce(http);
        SecurityHeaders.UsePolicy(http, Policy(nonce, appOrigin));
        http.Response.Headers.CacheControl = "no-store";
        var nav = string.Concat(Departments.Select(c => $"<a href=\"{BasePath}?category={Uri.EscapeDataString(c)}\">{Encode(c)}</a>"));
        var html = $$"""
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}} · Demo Outfitters</title>
            <link rel="stylesheet" href="{{BasePath}}/assets/shop.css">
            <script src="{{BasePath}}/assets/shop.js" defer nonce="{{nonce}}"></script>
            </head>
            <body data-currency="{{DemoCatalog.Currency}}">
            <a class="skip" href="#main">Skip to content</a>
            <header class="site-header">
              <a class="logo" href="{{BasePath}}">Demo Outfitters</a>
              <nav aria-label="Departments">{{nav}}</nav>
              <a class="bag" href="{{BasePath}}/cart">Bag (<span data-cart-count>0</span>)</a>
            </header>
            <main id="main">
            {{main}}
            </main>
            <footer class="site-footer">
              <p>Demo Outfitters is a demo shop for trying VirtualShopping's on-site chat: nothing here is for sale.</p>
              <p>Stores in London, Manchester, Helsinki, Paris and New York.</p>
            </footer>
            {{Widget.WidgetSnippet.Html(publicBase, key, nonce)}}
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The shop's policy: exactly the sources the README asks merchants to allow for the widget, plus the shop's own files.</summary>
    public static string Policy(string nonce, string appOrigin) => string.Join("; ",
        "default-src 'none'",
        $"script-src 'nonce-{nonce}' {appOrigin}",
        "style-src 'self'",
        $"img-src 'self' {appOrigin}",
        $"connect-src {appOrigin}",
        $"frame-src {appOrigin}",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    private static async Task<string> DemoMerchantKeyAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(ct);
        return await db.Merchants.IgnoreQueryFilters().Where(m => m.Name == DemoMerchantSeeder.MerchantName)
            .Select(m => m.PublicWidgetKey).FirstOrDefaultAsync(ct) ?? string.Empty;
    }
}
