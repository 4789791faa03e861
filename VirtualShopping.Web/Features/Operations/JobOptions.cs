using System.ComponentModel.DataAnnotations;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>The `Jobs` section: the time zone recurring jobs' schedules are written in.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    [Required]
    public string TimeZone { get; set; } = "UTC";
}
