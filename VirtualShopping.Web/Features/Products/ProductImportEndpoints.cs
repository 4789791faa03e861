using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Products;

/// <summary>An import as the API answers it.</summary>
public sealed record ProductImportView(
    Guid Id, ProductImportStatus Status, ProductImportSource Source, string SourceName, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    int RowsRead, int Created, int Updated, int Unchanged, int MadeUnavailable, int Rejected, string? Error)
{
    public static ProductImportView Of(ProductImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return new(
            import.Id, import.Status, import.Source, import.SourceName, import.StartedAt, import.FinishedAt, import.RowsRead, import.Created, import.Updated,
            import.Unchanged, import.MadeUnavailable, import.Rejected, import.Error);
    }
}

/// <summary>
/// POST /api/v1/products/imports: a feed file uploaded by a merchant's tool (multipart/form-data, field <c>file</c>),
/// under the Products page's right (SuperviseChats, as its upload and "Import now"). The request waits for the import
/// and answers 201 with its report; a file that is not a feed is recorded Failed and answered 400 naming <c>file</c>.
/// </summary>
public static class ProductImportEndpoints
{
    public const string FileField = "file";

    // Multipart framing around the file (boundaries, part headers).
    private const long EnvelopeBytes = 64 * 1024;

    public static void MapProductImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/products/imports", UploadAsync)
            .RequireAuthorization(Policies.SuperviseChats)
            .DisableAntiforgery() // a tool's multipart POST; the sign-in cookie is SameSite=Lax, so no other site can send it
            .WithTags("Products")
            .WithName("UploadProductFeed")
            .WithSummary("Import a product feed file (RSS/Atom XML, CSV, TSV, optionally gzip), up to 100 MB")
            .Produces<ProductImportView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, ProductFeedUploads uploads, ICurrentMerchant merchant, CancellationToken cancellationToken)
    {
        if (merchant.MerchantId is not { } merchantId)
        {
            return Results.Forbid();
        }

        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            return Invalid("Send the feed file as multipart/form-data, in a field named \"file\".");
        }

        // A body that says it is too large is refused before a byte of it is read.
        if (request.ContentLength > uploads.MaxBytes + EnvelopeBytes)
        {
            return TooLarge(uploads);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = uploads.MaxBytes + EnvelopeBytes;
        }

        SpooledFeed? feed = null;
        string? fileName = null;
        try
        {
            var reader = new MultipartReader(boundary.ToString(), request.Body);
            while (feed is null && await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).ToString() != FileField)
                {
                    continue;
                }

                fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                feed = await uploads.SpoolAsync(section.Body, null, cancellationToken);
                if (feed is null)
                {
                    return TooLarge(uploads);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(uploads);
        }
        catch (InvalidDataException)
        {
            if (feed is not null)
            {
                await feed.DisposeAsync();
            }

            return Invalid("The upload was cut off or is not valid multipart/form-data. Send it again.");
        }

        if (feed is null)
        {
            return Invalid("Choose a feed file to import, in a field named \"file\".");
        }

        if (feed.Length == 0)
        {
            await feed.DisposeAsync();
            return Invalid("The file is empty.");
        }

        ProductImport import;
        try
        {
            // The import goes on if the caller hangs up: its result is in the Products page's history.
            import = await uploads.ImportAsync(merchantId, feed, fileName ?? string.Empty);
        }
        catch (ProductImportBusyException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "An import is running");
        }

        if (import.Status != ProductImportStatus.Succeeded)
        {
            return Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FileField] = [import.Error ?? "The file was not imported."] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The file was not imported.",
                Detail = import.Error,
                Extensions = { ["importId"] = import.Id },
            });
        }

        return TypedResults.Created((string?)null, ProductImportView.Of(import));
    }

    private static IResult Invalid(string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [FileField] = [message] }, title: "The request has invalid fields.");

    private static IResult TooLarge(ProductFeedUploads uploads) =>
        Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FileField] = [uploads.TooLargeMessage] })
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The file is too large.",
            Detail = uploads.TooLargeMessage,
        });
}
