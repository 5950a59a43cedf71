using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EsusCheck.Web.Tests.Support;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests;

/// <summary>« Vérifier un fournisseur » in Chromium, against <c>esuscheck serve</c>.</summary>
[Collection(ServeCollection.Name)]
public sealed class CheckScreenTests(ServeFixture serve)
{
    [Fact]
    public async Task Checking_a_siret_shows_a_card_per_question_with_its_verdict_reasons_laws_and_dated_sources()
    {
        await using var tab = await serve.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");

        await page.GetByLabel("Numéro SIRET ou SIREN").FillAsync(PageCompanies.Spaced(serve.Companies.Siae));
        await page.GetByLabel("Code CPV du marché").FillAsync("85311000-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();

        var cards = page.Locator(".cards > li");
        await Assertions.Expect(cards).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "RÉGIE DES LILAS" })).ToBeVisibleAsync();
        // The same words the API's report says, in French, one card per question.
        var report = await serve.Json($"/api/v1/eligibility/{serve.Companies.Siae}?cpv=85311000-2");
        await AssertCard(cards.Nth(0), "Économie sociale et solidaire (ESS)", "oui", (string)report["ess"]!["reasons"]![0]!);
        var l2113_13 = report["reservedContracts"]!.AsArray().Single(c => (string?)c!["article"] == "L2113-13")!;
        Assert.Equal("eligible", (string?)l2113_13["status"]);
        var l2113_13Card = cards.Filter(new() { HasText = "(L2113-13)" });
        await AssertCard(l2113_13Card, "(L2113-13)", "éligible", (string)l2113_13["reasons"]![0]!);
        await Assertions.Expect(l2113_13Card.GetByRole(AriaRole.Link, new() { Name = "Code de la commande publique, L2113-13" }))
            .ToHaveAttributeAsync("href", "https://www.legifrance.gouv.fr/search/code?query=L2113-13");
        // Each condition is read once in its card: in a reason (« (a) … ») or under « À vérifier par l'acheteur », not both.
        var l2113_15 = report["reservedContracts"]!.AsArray().Single(c => (string?)c!["article"] == "L2113-15")!;
        Assert.NotEmpty(l2113_15["conditions"]!.AsArray());
        // The copied text too, in each article's paragraph.
        await page.GetByRole(AriaRole.Button, new() { Name = "Copier pour le rapport d'analyse des offres" }).ClickAsync();
        await Assertions.Expect(page.Locator("#copy-status")).ToContainTextAsync("Texte copié");
        var copied = (await page.EvaluateAsync<string>("navigator.clipboard.readText()")).Split("\n\n");
        foreach (var contract in report["reservedContracts"]!.AsArray())
        {
            var article = $"({(string)contract!["article"]!})";
            var cardText = await cards.Filter(new() { HasText = article }).TextContentAsync() ?? "";
            var paragraph = Assert.Single(copied, p => p.Contains(article + " :", StringComparison.Ordinal));
            foreach (var condition in contract["conditions"]?.AsArray() ?? [])
            {
                Assert.Equal(1, Occurrences(cardText, (string)condition!["text"]!));
                Assert.Equal(1, Occurrences(paragraph, (string)condition!["text"]!));
            }
        }
        await Assertions.Expect(page.Locator(".sources li").First)
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex("L'API Recherche d'entreprises : a répondu, (lu en cache, )?consulté le \\d{1,2}(er)? [^ ]+ \\d{4} à \\d{2}:\\d{2}"));

        await Screens.AssertAccessibleAsync(page, "rapport");
        await Screens.ShootAsync(page, "verifier");
        await Screens.AtNarrowWidthAsync(page, "verifier");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Copy_for_the_report_puts_the_verdicts_and_reasons_in_the_clipboard_as_plain_text()
    {
        await using var tab = await serve.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");
        await page.GetByLabel("Numéro SIRET ou SIREN").FillAsync(serve.Companies.Company);
        await page.GetByLabel("Numéro SIRET ou SIREN").PressAsync("Enter");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copier pour le rapport d'analyse des offres" }).ClickAsync();

        await Assertions.Expect(page.Locator("#copy-status")).ToContainTextAsync("Texte copié");
        var text = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        var report = await serve.Json($"/api/v1/eligibility/{serve.Companies.Company}");
        Assert.StartsWith($"DUPONT SERVICES — SIRET {PageCompanies.Spaced(serve.Companies.Company)}", text, StringComparison.Ordinal);
        Assert.Contains("Économie sociale et solidaire (ESS) : non identifiée comme entreprise de l'ESS", text, StringComparison.Ordinal);
        foreach (var reason in report["ess"]!["reasons"]!.AsArray()) Assert.Contains("  - " + (string)reason!, text, StringComparison.Ordinal);
        Assert.Contains("(L2113-12) : non éligible", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Empty(tab.Errors);
    }

    [Theory]
    [InlineData("checksum")]
    [InlineData("7,32829E+13")]
    public async Task A_damaged_number_shows_the_apis_french_message_on_the_field(string damage)
    {
        var typed = damage == "checksum" ? PageCompanies.Spaced(serve.Companies.Unknown[..13] + (char)('0' + (serve.Companies.Unknown[13] - '0' + 1) % 10)) : damage;
        await using var tab = await serve.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");

        var field = page.GetByLabel("Numéro SIRET ou SIREN");
        await field.FillAsync(typed);
        await field.PressAsync("Enter");

        var problem = await serve.Json($"/api/v1/eligibility/{Uri.EscapeDataString(typed)}", expectedStatus: 400);
        var message = page.Locator("#siret-erreur");
        await Assertions.Expect(message).ToHaveTextAsync((string)problem["detail"]!);
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToBeFocusedAsync();
        Assert.Contains(damage == "checksum" ? "clé de contrôle" : "notation scientifique", (string)problem["detail"]!, StringComparison.Ordinal);
        await Screens.AssertAccessibleAsync(page, "erreur");
        if (damage == "checksum")
        {
            await Screens.ShootAsync(page, "erreur");
            await Screens.AtNarrowWidthAsync(page, "erreur");
        }
        Assert.Empty(tab.Errors);
    }

    private static async Task AssertCard(ILocator card, string subject, string verdict, string reason)
    {
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync(subject);
        await Assertions.Expect(card.Locator(".verdict")).ToHaveTextAsync(verdict);
        await Assertions.Expect(card.Locator("ul").First).ToContainTextAsync(reason);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
