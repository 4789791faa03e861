namespace VirtualShopping.Web.Features.Demo;

/// <summary>The `Seed` section: whether to create the demo merchant, and its users' password.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Create "Demo Outfitters" with stores, departments, teams and one user per role (on in Development).</summary>
    public bool DemoMerchant { get; set; }

    /// <summary>Give the demo merchant about four months of chats and orders (<see cref="DemoHistory"/>); on in the app, off in tests.</summary>
    public bool DemoHistory { get; set; }

    /// <summary>Password of the demo users; generated and printed once at first start when empty.</summary>
    public string? AdminPassword { get; set; }
}
