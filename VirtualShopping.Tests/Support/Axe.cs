using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// Runs axe-core (the npm package the widget's build installs, VirtualShopping.Web/Widget/node_modules/axe-core)
/// in a page and in every frame of it, the chat's iframe included, and fails listing every violation. The source
/// is evaluated through Playwright (the DevTools protocol), which no page's CSP blocks.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepositoryRoot(), "VirtualShopping.Web", "Widget", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is missing at {path}: run `npm ci` in VirtualShopping.Web/Widget (building VirtualShopping.Tests does when Node is installed).");
    });

    /// <summary>Asserts that axe finds no WCAG 2.x A/AA violation (nor best practice) in the page and its frames, naming the state checked.</summary>
    /// <param name="within">A CSS selector limiting the check to that part of the page (e.g. a page's own content without the layout).</param>
    /// <param name="exclude">CSS selectors of elements (and their content) left out of the check.</param>
    public static async Task AssertNoViolationsAsync(IPage page, string state, string? within = null, params string[] exclude)
    {
        ArgumentNullException.ThrowIfNull(page);
        var report = new StringBuilder();
        foreach (var frame in page.Frames)
        {
            if (frame.IsDetached || frame.Url is "about:blank" or "")
            {
                continue;
            }

            await frame.EvaluateAsync(Source.Value);
            var violations = await frame.EvaluateAsync<JsonElement>("""
                async ([within, exclude]) => {
                  const context = !within && exclude.length === 0
                    ? document
                    : { include: within && document.querySelector(within) ? [[within]] : [['html']], exclude: exclude.map(e => [e]) };
                  const result = await window.axe.run(context, { iframes: false, resultTypes: ['violations'] });
                  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })) }));
                }
                """, new object[] { within ?? string.Empty, exclude });
            foreach (var violation in violations.EnumerateArray())
            {
                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"[{frame.Url}] {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()}");
                foreach (var node in violation.GetProperty("nodes").EnumerateArray())
                {
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node.GetProperty("target").GetString()}: {node.GetProperty("html").GetString()}");
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"      {node.GetProperty("summary").GetString()?.Replace("\n", "\n      ", StringComparison.Ordinal)}");
                }
            }
        }

        Assert.True(report.Length == 0, $"axe-core found accessibility violations in state '{state}':\n{report}");
    }

    /// <summary>The folder holding VirtualShopping.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "VirtualShopping.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("VirtualShopping.sln not found above " + AppContext.BaseDirectory);
    }
}
