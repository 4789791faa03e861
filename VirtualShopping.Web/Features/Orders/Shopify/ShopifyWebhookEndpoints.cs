using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Secrets;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// POST /api/v1/webhooks/shopify: Shopify's orders/create, refunds/create and orders/cancelled (README "Shopify").
/// The shop (X-Shopify-Shop-Domain) must have Shopify turned on; the raw body must carry the shop's signature
/// (X-Shopify-Hmac-Sha256), checked before the JSON is read: otherwise 401, nothing stored. A delivery id
/// (X-Shopify-Webhook-Id) already taken is answered 200 "duplicate" and changes nothing; one triggered more than
/// <see cref="MaxAge"/> ago is refused (400). Other topics: 200 "ignored".
/// </summary>
public static class ShopifyWebhookEndpoints
{
    public const string Path = "/api/v1/webhooks/shopify";
    public const string Provider = "shopify";

    /// <summary>
    /// Shopify retries a failed delivery 8 times over 4 hours with the original X-Shopify-Triggered-At, and says deliveries
    /// can rarely arrive up to a day late: a day covers both; anything older is a replay or too stale to trust.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    /// <summary>Shopify order bodies with many lines stay well under this.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public static void MapShopifyWebhookEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().WithTags("Shopify").WithName("ShopifyWebhook");

    private static async Task<IResult> ReceiveAsync(HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var services = http.RequestServices;
        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            return Results.Problem($"The body is larger than {MaxBodyBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        var domain = http.Request.Headers["X-Shopify-Shop-Domain"].ToString().Trim().ToLowerInvariant();
        var merchantId = await VerifiedMerchantAsync(services, domain, body, http.Request.Headers["X-Shopify-Hmac-Sha256"].ToString(), ct);
        if (merchantId is null)
        {
            // The same answer for an unknown shop, a shop without Shopify turned on and a wrong signature.
            return Results.Problem("The delivery's shop or signature (X-Shopify-Hmac-Sha256) is not valid for any shop with Shopify turned on.", statusCode: StatusCodes.Status401Unauthorized, title: "Not verified");
        }

        var deliveryId = http.Request.Headers["X-Shopify-Webhook-Id"].ToString().Trim();
        if (deliveryId.Length is 0 or > WebhookReceipt.MaxDeliveryIdLength)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["X-Shopify-Webhook-Id"] = ["Expected the delivery's id."] }, title: "Check what you sent");
        }

        var now = clock.GetUtcNow();
        if (!DateTimeOffset.TryParse(http.Request.Headers["X-Shopify-Triggered-At"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var triggeredAt)
            || triggeredAt < now - MaxAge || triggeredAt > now + OrderRules.FutureTolerance)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["X-Shopify-Triggered-At"] = [$"Expected the time the delivery was triggered, within the last {MaxAge.TotalHours:0} hours."] },
                title: "Stale delivery");
        }

        services.GetRequiredService<MerchantScope>().Use(merchantId.Value);
        var contexts = services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await db.WebhookReceipts.AnyAsync(r => r.Provider == Provider && r.DeliveryId == deliveryId, ct))
            {
                return Results.Ok(new { status = "duplicate" });
            }
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Expected a JSON body."] }, title: "Check what you sent");
        }

        using (document)
        {
            var topic = http.Request.Headers["X-Shopify-Topic"].ToString().Trim();
            var (status, result) = await ApplyAsync(services.GetRequiredService<OrderIntake>(), topic, document.RootElement, ct);
            if (result?.Outcome == OrderIntakeOutcome.Invalid)
            {
                return Results.ValidationProblem(result.Errors.ToDictionary(e => ShopifyPayloads.FieldName(e.Key), e => e.Value), title: "Check what you sent");
            }

            if (result?.Outcome == OrderIntakeOutcome.UnknownOrder)
            {
                // Deliveries are not ordered: a refund may come before its order. Shopify retries this one.
                return Results.Problem("The order of this delivery has not been received yet.", statusCode: StatusCodes.Status404NotFound, title: "Unknown order");
            }

            if (status != "ignored")
            {
                await RememberAsync(contexts, deliveryId, now, ct);
            }

            return Results.Ok(new { status });
        }
    }

    private static async Task<(string Status, OrderIntakeResult? Result)> ApplyAsync(OrderIntake intake, string topic, JsonElement root, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        switch (topic)
        {
            case "orders/create":
            {
                var order = ShopifyPayloads.Order(root, errors);
                if (errors.Count > 0)
                {
                    return ("invalid", OrderIntakeResult.Invalid(errors));
                }

                var result = await intake.ReceiveAsync(order, OrderSource.Shopify, ct);
                return (result.Outcome == OrderIntakeOutcome.Stored ? "created" : "duplicate", result);
            }

            case "refunds/create":
            {
                var (orderId, refund) = ShopifyPayloads.Refund(root, errors);
                if (errors.Count > 0)
                {
                    return ("invalid", OrderIntakeResult.Invalid(errors));
                }

                if (refund.Amount == 0m)
                {
                    // A refund that only restocks items takes no money back.
                    return ("ignored", null);
                }

                var result = await intake.RefundAsync(orderId!, refund, OrderSource.Shopify, capAtWhatIsLeft: true, ct);
                return (result.Outcome == OrderIntakeOutcome.Stored ? "refunded" : "duplicate", result);
            }

            case "orders/cancelled":
            {
                var (orderId, cancellation) = ShopifyPayloads.Cancellation(root, errors);
                if (errors.Count > 0)
                {
                    return ("invalid", OrderIntakeResult.Invalid(errors));
                }

                var result = await intake.CancelAsync(orderId!, cancellation, OrderSource.Shopify, ct);
                return (result.Outcome == OrderIntakeOutcome.Stored ? "cancelled" : "duplicate", result);
            }

            default:
                return ("ignored", null);
        }
    }

    /// <summary>The merchant whose Shopify shop this is and whose webhook secret signed these bytes, or null.</summary>
    private static async Task<Guid?> VerifiedMerchantAsync(IServiceProvider services, string domain, byte[] body, string signature, CancellationToken ct)
    {
        if (domain.Length is 0 or > 255 || string.IsNullOrWhiteSpace(signature))
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(ct);
        var shops = await (
                from s in db.IntegrationSettings.IgnoreQueryFilters().AsNoTracking()
                join m in db.Merchants.AsNoTracking() on s.MerchantId equals m.Id
                where s.ShopifyEnabled && s.ShopifyShopDomain == domain && s.ShopifyWebhookSecretProtected != null && m.IsActive
                select new { s.MerchantId, Secret = s.ShopifyWebhookSecretProtected! })
            .ToListAsync(ct);
        var secrets = services.GetRequiredService<SecretProtector>();

        // Two merchants may claim one domain: only the one whose secret signed the body gets the delivery.
        return shops.FirstOrDefault(s => ShopifySignature.IsValid(secrets.Unprotect(s.Secret), body, signature))?.MerchantId;
    }

    private static async Task RememberAsync(IDbContextFactory<VirtualShoppingDbContext> contexts, string deliveryId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.WebhookReceipts.Add(new WebhookReceipt { Provider = Provider, DeliveryId = deliveryId, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueConstraint.IsViolatedBy(e))
        {
            // The same delivery raced in twice; what it carries is stored once (by order and refund id) either way.
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
