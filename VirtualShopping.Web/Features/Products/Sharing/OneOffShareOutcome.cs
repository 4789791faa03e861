namespace VirtualShopping.Web.Features.Products;

/// <summary>What asking for a one-off share came to: the share, or why not (for the edge to turn into problem details).</summary>
public sealed record OneOffShareOutcome(ShareLinkView? Share, int Status, string? Detail, IReadOnlyList<(string Field, string Message)> Problems)
{
    public static OneOffShareOutcome Created(ShareLinkView share) => new(share, StatusCodes.Status201Created, null, []);

    public static OneOffShareOutcome Invalid(IReadOnlyList<(string Field, string Message)> problems) => new(null, StatusCodes.Status400BadRequest, null, problems);

    public static OneOffShareOutcome Refused(int status, string detail) => new(null, status, detail, []);
}
