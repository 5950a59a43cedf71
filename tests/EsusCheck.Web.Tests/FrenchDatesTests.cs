using System.Globalization;
using EsusCheck.Core.Wording;
using EsusCheck.Web.Tests.Support;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests;

/// <summary>The page writes a date as the server does (<see cref="FrenchText.Date(DateOnly)"/>): « 1er février 2025 »,
/// where the browser's own French format says « 1 février 2025 ». The ESUS list is published on the first of a month.</summary>
[Collection(ServeCollection.Name)]
public sealed class FrenchDatesTests(ServeFixture serve)
{
    [Theory]
    [InlineData("2025-02-01")]
    [InlineData("2025-07-01")]
    [InlineData("2025-02-11")]
    [InlineData("2026-11-29")]
    public async Task The_page_formats_a_date_as_the_server_does(string isoDate) =>
        Assert.Equal(FrenchText.Date(DateOnly.Parse(isoDate, CultureInfo.InvariantCulture)), await FormatAsync("formatDate", isoDate));

    [Fact]
    public async Task A_moment_on_the_first_of_a_month_reads_1er() =>
        Assert.Equal("1er juillet 2025 à 09:05", await FormatAsync("formatDateTime", "2025-07-01T07:05:00Z"));

    /// <summary>Calls one of the page's own <c>format.js</c> functions in Chromium (French locale, Paris time).</summary>
    private async Task<string> FormatAsync(string function, string value)
    {
        await using var tab = await serve.OpenAsync();
        await tab.Page.GotoAsync("/");
        await Assertions.Expect(tab.Page.Locator("html[data-ready=true]")).ToHaveCountAsync(1);
        var shown = await tab.Page.EvaluateAsync<string>("""
            async ([name, value]) => {
              const main = document.querySelector('script[type=module]').src;
              const format = await import(new URL('format.js', main));
              return format[name](value);
            }
            """, new[] { function, value });
        Assert.Empty(tab.Errors);
        return shown;
    }
}
