using EsusCheck.Web.Tests.Support;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests;

/// <summary>The printable SPASER report (docs/spaser.md), as the SPASER tests write it into docs/examples/: opened in
/// Chromium, it passes axe-core without serious or critical violation, shows its charts, and is photographed at
/// desktop and phone width.</summary>
[Collection(ServeCollection.Name)]
public sealed class SpaserReportTests(ServeFixture serve)
{
    [Fact]
    public async Task The_spaser_report_is_accessible_and_readable_at_desktop_and_phone_width()
    {
        var report = Path.Combine(Screens.RepositoryRoot, "docs", "examples", "spaser-rapport.html");
        Assert.True(File.Exists(report), $"{report} is written by tests/EsusCheck.Spaser.Tests (OutputTests).");
        await using var tab = await serve.OpenAsync();
        var page = tab.Page;

        await page.GotoAsync(new Uri(report).AbsoluteUri);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("SPASER");
        await Assertions.Expect(page.Locator("svg").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "At desktop width the report fits the window: no table pushes it sideways.");
        await Screens.AssertAccessibleAsync(page, "rapport SPASER");
        await Screens.ShootAsync(page, "spaser-rapport");
        await Screens.AtNarrowWidthAsync(page, "spaser-rapport");
        Assert.Empty(tab.Errors);
    }
}
