using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests.Support;

/// <summary>What every screen must pass: axe-core finds no serious or critical violation; and the screenshots of it
/// that README shows, written into docs/screenshots/.</summary>
public static class Screens
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    public static readonly string Directory = Path.Combine(RepositoryRoot, "docs", "screenshots");

    public static async Task AssertAccessibleAsync(IPage page, string screen)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    public static async Task ShootAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>The same screen at a phone's width: it must still pass axe and is photographed too.</summary>
    public static async Task AtNarrowWidthAsync(IPage page, string name, Func<Task>? reset = null)
    {
        await page.SetViewportSizeAsync(390, 844);
        if (reset is not null) await reset();
        await AssertAccessibleAsync(page, name + " (étroit)");
        await ShootAsync(page, name + "-etroit");
        await page.SetViewportSizeAsync(1280, 900);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EsusCheck.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("EsusCheck.sln not found above the test binaries.");
    }
}
