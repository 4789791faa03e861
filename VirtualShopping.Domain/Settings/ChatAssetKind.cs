namespace VirtualShopping.Domain.Settings;

public enum ChatAssetKind
{
    Logo,
    LauncherIcon,
}
