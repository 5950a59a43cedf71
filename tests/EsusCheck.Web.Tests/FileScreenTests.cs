using System.Text;
using System.Text.RegularExpressions;
using EsusCheck.Cli;
using EsusCheck.Web.Tests.Support;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests;

/// <summary>« Analyser un fichier fournisseurs »: a file dropped on the page, its progress, the SPASER chart, and a
/// downloaded CSV equal to what <c>esuscheck bulk</c> writes for the same file.</summary>
[Collection(ServeCollection.Name)]
public sealed class FileScreenTests(ServeFixture serve)
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly Regex CheckedAt = new(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}");

    /// <summary>What French Excel writes for « CSV (séparateur : point-virgule) »: Windows-1252, CRLF.</summary>
    private byte[] SupplierFile() => Windows1252.GetBytes(string.Join("\r\n",
        "Fournisseur;N° SIRET;Montant HT",
        $"Régie des Lilas;{serve.Companies.Siae};1 000,00",
        $"Dupont Services;{serve.Companies.Company};3 000,00",
        $"ESAT les Ateliers;{PageCompanies.Spaced(serve.Companies.Esat)};500,00",
        "Fournisseur douteux;12345;20,00",
        $"Inconnu;{serve.Companies.Unknown};10,00") + "\r\n");

    [Fact]
    public async Task A_dropped_file_is_processed_to_100_percent_and_its_csv_is_the_one_the_cli_writes()
    {
        var bytes = SupplierFile();
        await using var tab = await serve.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/#fichier");
        await RecordProgressAsync(page);

        await DropAsync(page, "#dropzone", "achats 2025.csv", bytes);
        await Assertions.Expect(page.Locator("#bulk-chosen")).ToContainTextAsync("achats 2025.csv");
        await Screens.AssertAccessibleAsync(page, "fichier choisi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyser le fichier" }).ClickAsync();

        await Assertions.Expect(page.Locator("#bulk-progress-text")).ToHaveTextAsync("Terminé : 5 lignes sur 5 (100 %)", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#bulk-progress")).ToHaveAttributeAsync("value", "100");
        var seen = await page.EvaluateAsync<int[]>("window.progressSeen");
        Assert.Equal(100, seen[^1]);
        Assert.Equal(seen.Order(), seen); // the bar never goes back
        await Assertions.Expect(page.Locator(".chart svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart rect.chart-bar-suppliers")).ToHaveCountAsync(4);
        var siae = page.Locator("table").Filter(new() { HasText = "Totaux SPASER" }).Locator("tr").Filter(new() { HasText = "SIAE" });
        await Assertions.Expect(siae.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("table").Filter(new() { HasText = "Lignes sans verdict" })).ToContainTextAsync("12345");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Télécharger le CSV annoté" }).ClickAsync());
        Assert.Equal("achats-2025-resultats.csv", download.SuggestedFilename);
        var downloaded = Path.Combine(serve.Folder, "navigateur.csv");
        await download.SaveAsAsync(downloaded);

        await Screens.AssertAccessibleAsync(page, "fichier traité");
        await Screens.ShootAsync(page, "fichier");
        await Screens.AtNarrowWidthAsync(page, "fichier");
        Assert.Empty(tab.Errors);

        var cli = await RunCliBulkAsync(bytes);
        AssertSameCsv(cli, await File.ReadAllBytesAsync(downloaded));
    }

    /// <summary>Records every value the progress bar takes, from before the page's own scripts run.</summary>
    private static Task RecordProgressAsync(IPage page) => page.EvaluateAsync("""
        () => {
          window.progressSeen = [];
          const bar = document.getElementById('bulk-progress');
          new MutationObserver(() => window.progressSeen.push(Number(bar.value))).observe(bar, { attributes: true, attributeFilter: ['value'] });
          const set = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value').set;
          Object.defineProperty(bar, 'value', { set(v) { set.call(this, v); window.progressSeen.push(Number(v)); }, get() { return Number(this.getAttribute('value')); } });
        }
        """);

    /// <summary>A real drop event carrying the file, as a browser fires it when a file is dragged from the desktop.</summary>
    private static async Task DropAsync(IPage page, string selector, string name, byte[] content)
    {
        var transfer = await page.EvaluateHandleAsync("""
            ([name, base64]) => {
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              const transfer = new DataTransfer();
              transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
              return transfer;
            }
            """, new object[] { name, Convert.ToBase64String(content) });
        await page.DispatchEventAsync(selector, "dragover", new { dataTransfer = transfer });
        await page.DispatchEventAsync(selector, "drop", new { dataTransfer = transfer });
    }

    private async Task<byte[]> RunCliBulkAsync(byte[] bytes)
    {
        var folder = Path.Combine(serve.Folder, "cli");
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "achats 2025.csv");
        await File.WriteAllBytesAsync(input, bytes);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["bulk", input, "--output", Path.Combine(folder, "resultats")], serve.Configuration, stdout, stderr);
        Assert.True(exit == ExitCodes.Ok, stderr.ToString());
        return await File.ReadAllBytesAsync(Path.Combine(folder, "resultats", "achats-2025-resultats.csv"));
    }

    /// <summary>Byte for byte but for « Vérifié le », the minute each check ran: the two runs are minutes apart at most.</summary>
    private static void AssertSameCsv(byte[] expected, byte[] actual)
    {
        string Text(byte[] b) => Windows1252.GetString(b);
        var cliLines = Text(expected).Split("\r\n");
        var pageLines = Text(actual).Split("\r\n");
        Assert.Equal(6 + 1, cliLines.Length); // header, five rows, final newline
        Assert.Equal(cliLines.Length, pageLines.Length);
        Assert.Equal(CheckedAt.Matches(Text(expected)).Count, CheckedAt.Matches(Text(actual)).Count);
        Assert.True(CheckedAt.Matches(Text(expected)).Count >= 3);
        for (var i = 0; i < cliLines.Length; i++)
            Assert.Equal(CheckedAt.Replace(cliLines[i], "<date>"), CheckedAt.Replace(pageLines[i], "<date>"));
    }
}
