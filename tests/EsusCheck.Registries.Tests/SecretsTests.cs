using System.Text.Json;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EsusCheck.Registries.Tests;

/// <summary>The INSEE key and the Marché token reach the registries, and nothing else: no log line at any level, no
/// exception, no evidence detail, no report.</summary>
public sealed class SecretsTests : StubbedRegistriesTest
{
    [Fact]
    public async Task Neither_the_token_nor_the_key_appears_in_any_log_or_report()
    {
        var found = TestSirets.Next();
        var rechercheDown = TestSirets.Next();
        var revoked = TestSirets.Next();
        var timedOut = TestSirets.Next();
        Stubs.RechercheFound(found).MarcheFound(found, ("EI", true))
            .Fails(Registry.RechercheEntreprises, rechercheDown, 503).SireneFound(rechercheDown)
            .Fails(Registry.MarcheInclusion, rechercheDown, 429, retryAfterSeconds: 0)
            .RechercheFound(revoked).MarcheUnauthorized(revoked)
            .RechercheFound(timedOut).Delayed(Registry.MarcheInclusion, timedOut, TimeSpan.FromSeconds(2))
            .Fails(Registry.Sirene, timedOut, 401);

        var collection = RegistryTestServices.Create(Stubs, marcheToken: true, sireneKey: true, overrides: new Dictionary<string, string?>
        {
            ["Registries:MarcheInclusion:AttemptTimeout"] = "00:00:00.300",
        });
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        await using var services = collection.BuildServiceProvider();
        var checker = services.GetRequiredService<EligibilityService>();

        var reports = new List<EligibilityReport>();
        foreach (var siret in new[] { found, rechercheDown, revoked, timedOut })
            reports.Add((await checker.CheckAsync(new CheckRequest(siret))).Report!);
        var failure = (await checker.CheckAsync(new CheckRequest(TestSirets.Next()[..9] + "00000"))).Failure;

        // The secrets were really sent (the test would prove nothing otherwise)…
        Assert.Contains(Stubs.Requests(Registry.MarcheInclusion, null), r => r.RequestMessage.Headers!["Authorization"].ToString().Contains(RegistryStubs.MarcheToken));
        Assert.Contains(Stubs.Requests(Registry.Sirene, null), r => r.RequestMessage.Headers!["X-INSEE-Api-Key-Integration"].ToString() == RegistryStubs.SireneApiKey);
        // …and the runs logged, at every level, including the resilience pipeline's own events.
        var logs = services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, l => l.Level == LogLevel.Warning && l.Message.Contains("marche-inclusion", StringComparison.Ordinal));

        var written = logs.Select(l => string.Join(" | ", l.Message, l.Exception?.ToString(), l.Category,
                string.Join(";", l.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? []),
                string.Join(";", l.Scopes.Select(s => s?.ToString())))).ToList();
        written.AddRange(reports.Select(r => JsonSerializer.Serialize(r, ReportJson.Options)));
        written.Add(failure?.Detail ?? "");
        foreach (var secret in new[] { RegistryStubs.MarcheToken, RegistryStubs.SireneApiKey })
            Assert.DoesNotContain(written, text => text.Contains(secret, StringComparison.Ordinal));
    }

    /// <summary>Failures are logged with a keyed hash of the number, never the number itself.</summary>
    [Fact]
    public async Task No_siret_appears_in_the_logs_only_its_keyed_hash()
    {
        var down = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, down, 503).SireneFound(down);
        var collection = RegistryTestServices.Create(Stubs, sireneKey: true);
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        await using var services = collection.BuildServiceProvider();

        Assert.True((await services.GetRequiredService<EligibilityService>().CheckAsync(new CheckRequest(down))).Succeeded);

        var logs = services.GetFakeLogCollector().GetSnapshot();
        var written = logs.Select(l => string.Join(" | ", l.Message, l.Exception?.ToString(),
            string.Join(";", l.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? []))).ToList();
        Assert.Contains(written, text => text.Contains(LogPrivacy.Hash(down), StringComparison.Ordinal));
        Assert.DoesNotContain(written, text => text.Contains(down, StringComparison.Ordinal) || text.Contains(down[..9], StringComparison.Ordinal));
    }
}
