using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>The widget's browser tests share one app, one host site and one chromium, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class WidgetBrowserTests : ICollectionFixture<WidgetBrowserFixture>
{
    public const string Name = "Widget browser";
}
