using MudBlazor;

namespace VirtualShopping.Web.Components.Shared;

/// <summary>How the dashboard opens form dialogs: full width up to medium, closable, never dismissed by a stray click.</summary>
public static class DialogDefaults
{
    public static DialogOptions Form { get; } = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, BackdropClick = false };
}
