using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Browser;

/// <summary>Browser tests share one app and one chromium, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Browser";
}
