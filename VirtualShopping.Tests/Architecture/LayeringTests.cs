using System.Reflection;

namespace VirtualShopping.Tests.Architecture;

/// <summary>Clean architecture, enforced: Domain depends on nothing; Infrastructure never on Web.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(VirtualShopping.Domain.Merchants.Merchant).Assembly;
    private static readonly Assembly Infrastructure = typeof(VirtualShopping.Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name is "System.Runtime" or "netstandard" or "System.Collections" or "System.Linq" or "System.Security.Cryptography" or "System.Runtime.InteropServices" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Domain must not reference {name}."));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("VirtualShopping.", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_depends_on_domain_and_never_on_web()
    {
        var references = Infrastructure.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("VirtualShopping.Domain", references);
        Assert.DoesNotContain("VirtualShopping.Web", references);
    }
}
