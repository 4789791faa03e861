using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Browser.Inbox;

/// <summary>
/// The web inbox's browser journeys share one app, one demo shop and one chromium, and run one at a time. Each
/// journey drives up to four browser contexts (experts, a manager, a shopper) and their circuits, so the collection
/// runs on its own after the parallel ones: on two cores it would otherwise slow the other browser tests past their
/// timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InboxBrowserTests : ICollectionFixture<InboxBrowserFixture>
{
    public const string Name = "Inbox browser";
}
