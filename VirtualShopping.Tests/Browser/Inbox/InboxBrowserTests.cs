using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Browser.Inbox;

/// <summary>The web inbox's browser journeys share one app, one demo shop and one chromium, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class InboxBrowserTests : ICollectionFixture<InboxBrowserFixture>
{
    public const string Name = "Inbox browser";
}
