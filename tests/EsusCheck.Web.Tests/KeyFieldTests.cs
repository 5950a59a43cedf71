using EsusCheck.Cli.Serve;
using EsusCheck.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests;

/// <summary>A deployment that asks for a key (the function app, or <c>serve</c> with <c>Serve:ApiKey</c>): the page
/// shows its key field, keeps the key in this tab's sessionStorage only and sends it as a header, never in a URL.</summary>
[Collection(ServeCollection.Name)]
public sealed class KeyFieldTests(ServeFixture serve)
{
    private const string Key = "cle-equipe-achats-7f3a";

    [Fact]
    public async Task The_key_is_asked_kept_in_session_storage_only_and_sent_as_a_header_never_in_a_url()
    {
        var settings = serve.Configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value);
        settings["Serve:ApiKey"] = Key;
        await using var keyed = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), ["http://127.0.0.1:0"]);
        await keyed.StartAsync();
        var baseUrl = ServeHost.Addresses(keyed)[0];
        await using var tab = await serve.OpenAsync();
        var page = tab.Page;
        var sent = new List<(string Url, string? Header)>();
        page.Request += (_, request) => sent.Add((request.Url, request.Headers.GetValueOrDefault("x-functions-key")));
        await page.GotoAsync(baseUrl + "/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clé d'accès" })).ToBeVisibleAsync();
        await page.GetByLabel("Numéro SIRET ou SIREN").FillAsync(serve.Companies.Company);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cette installation demande une clé d'accès");

        await page.GetByLabel("Clé d'accès", new() { Exact = true }).And(page.Locator("input")).FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la clé" }).ClickAsync();
        await Assertions.Expect(page.Locator("#key-status")).ToHaveTextAsync("Clé enregistrée pour cet onglet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DUPONT SERVICES" })).ToBeVisibleAsync();

        Assert.Equal(Key, await page.EvaluateAsync<string>("sessionStorage.getItem('esuscheck.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.Equal("", await page.Locator("#key").InputValueAsync());
        var api = sent.Where(r => r.Url.Contains("/api/v1/", StringComparison.Ordinal)).ToList();
        Assert.Contains(api, r => r.Header == Key);
        Assert.All(sent, r => Assert.DoesNotContain(Key, r.Url, StringComparison.Ordinal));
        await Screens.AssertAccessibleAsync(page, "clé d'accès");
        // The first check is refused with 401 on purpose; nothing else may fail (a CSP violation would).
        Assert.DoesNotContain(tab.Errors, e => !e.Contains("401", StringComparison.Ordinal));
    }
}
