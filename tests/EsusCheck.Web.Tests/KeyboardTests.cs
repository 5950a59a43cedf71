using EsusCheck.Web.Tests.Support;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests;

/// <summary>The whole page with the keyboard alone: focus order, tabs, forms, the copy button, the history.</summary>
[Collection(ServeCollection.Name)]
public sealed class KeyboardTests(ServeFixture serve)
{
    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          const label = e.labels?.[0]?.textContent ?? e.getAttribute('aria-label') ?? e.textContent;
          return `${e.tagName.toLowerCase()}:${label.trim().replace(/\s+/g, ' ')}`;
        }
        """);

    private static async Task<List<string>> TabThroughAsync(IPage page, int count)
    {
        var seen = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            seen.Add(await FocusedAsync(page));
        }
        return seen;
    }

    [Fact]
    public async Task Every_screen_is_reached_and_used_with_the_keyboard_in_reading_order()
    {
        await using var tab = await serve.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html[data-ready=true]")).ToHaveCountAsync(1);

        Assert.Equal(
        [
            "a:Aller au contenu", "a:Vérifier un fournisseur", "a:Analyser un fichier fournisseurs", "a:Historique",
            "input:Numéro SIRET ou SIREN", "input:Code CPV du marché (facultatif)", "button:Vérifier", "button:Clé d'accès",
        ], await TabThroughAsync(page, 8));

        // Check a supplier: type, Enter, then Tab reaches the copy button and the cards' links.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("input:Numéro SIRET ou SIREN", await FocusedAsync(page));
        await page.Keyboard.TypeAsync(serve.Companies.Esat);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".cards > li")).ToHaveCountAsync(6);
        var afterForm = await TabThroughAsync(page, 4);
        Assert.Equal(["input:Code CPV du marché (facultatif)", "button:Vérifier", "button:Copier pour le rapport d'analyse des offres"], afterForm[..3]);
        Assert.StartsWith("a:Loi n° 2014-856", afterForm[3], StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#copy-status")).ToContainTextAsync("Texte copié");

        // The file screen through its tab: focus lands on its title, then the file field and the button.
        await page.Locator("a[data-tab=fichier]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#fichier-titre")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#verifier")).ToBeHiddenAsync();
        Assert.Equal(["input:Fichier de fournisseurs (CSV ou XLSX)", "button:Analyser le fichier"], await TabThroughAsync(page, 2));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choisissez ou déposez un fichier CSV ou XLSX.");
        await Assertions.Expect(page.Locator("#bulk-file")).ToBeFocusedAsync();

        // The history of the supplier just checked: its SIRET is already in the field.
        await page.Locator("a[data-tab=historique]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#historique-titre")).ToBeFocusedAsync();
        Assert.Equal(["input:Numéro SIRET de l'établissement", "button:Afficher l'historique"], await TabThroughAsync(page, 2));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#history-table tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#history-table")).ToContainTextAsync("non éligible");
        await Screens.AssertAccessibleAsync(page, "historique");
        await Screens.ShootAsync(page, "historique");
        await Screens.AtNarrowWidthAsync(page, "historique");
        Assert.Empty(tab.Errors);
    }
}
