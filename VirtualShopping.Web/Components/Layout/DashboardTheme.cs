using MudBlazor;

namespace VirtualShopping.Web.Components.Layout;

/// <summary>The dashboard's light and dark palettes.</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f3a8c",
            Secondary = "#d9486a",
            AppbarBackground = "#2b2768",
            Background = "#f6f6fb",
            DrawerBackground = "#ffffff",

            // Darker than MudBlazor's defaults so small secondary text, success, info and error texts keep 4.5:1 on the
            // tinted backgrounds (selected rows, the conversation, alerts).
            TextSecondary = "#5c5c66",
            Success = "#2e7d32",
            Info = "#1565c0",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9c95ff",
            Secondary = "#ff7d9c",
            AppbarBackground = "#1d1b3a",
            Background = "#15141f",
            Surface = "#1f1e2c",
            DrawerBackground = "#1a1926",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "260px" },
    };
}
