namespace EsusCheck.Storage.Tests.Cache;

/// <summary>End to end: the real registry clients against WireMock, the real <see cref="EligibilityService"/>, the
/// Table Storage cache and audit log on Azurite.</summary>
public sealed class RegistryCacheIntegrationTests : IDisposable
{
    private readonly StubbedStorageHost _host = new();
    private readonly string _siret = TestSirets.Next();

    public void Dispose() => _host.Dispose();

    private RegistryStubs Stubs => _host.Stubs;

    private TableClient FactsTable => Azurite.Tables().GetTableClient(_host.FactsTable);

    [Fact]
    public async Task The_first_check_calls_the_registries_and_the_second_is_served_from_table_storage()
    {
        Stubs.RechercheFound(_siret, new StubCompany { LegalForm = "9220" }).MarcheFound(_siret, ("ACI", true)).FinessUnknown(_siret);

        var first = await _host.ReportAsync(_siret);
        var second = await _host.ReportAsync(_siret);

        Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, _siret));
        Assert.Equal(1, Stubs.RequestCount(Registry.MarcheInclusion, _siret));
        Assert.Equal(1, Stubs.RequestCount(Registry.Finess, _siret));
        foreach (var source in new[] { SourceNames.RechercheEntreprises, SourceNames.MarcheInclusion, SourceNames.Finess })
        {
            Assert.False(ReportEvidence.Of(first, source).FromCache());
            Assert.True(ReportEvidence.Of(second, source).FromCache());
            Assert.Equal(ReportEvidence.Of(first, source).RetrievedAt(), ReportEvidence.Of(second, source).RetrievedAt());
        }
        Assert.Equal(first.Company, second.Company);
        Assert.Equal(first.ReservedContracts.Select(c => c.Status), second.ReservedContracts.Select(c => c.Status));
    }

    [Fact]
    public async Task Refresh_bypasses_the_cache()
    {
        Stubs.RechercheFound(_siret);
        await _host.ReportAsync(_siret);
        Stubs.RechercheFound(_siret, new StubCompany { Name = "NOUVELLE RAISON SOCIALE" });

        var refreshed = await _host.ReportAsync(_siret, refresh: true);

        Assert.Equal(2, Stubs.RequestCount(Registry.RechercheEntreprises, _siret));
        Assert.False(ReportEvidence.Of(refreshed, SourceNames.RechercheEntreprises).FromCache());
        Assert.Equal("NOUVELLE RAISON SOCIALE", refreshed.Company.Name);
    }

    [Fact]
    public async Task An_outage_serves_the_last_known_facts_marked_stale_with_a_warning()
    {
        Stubs.RechercheFound(_siret);
        var fresh = await _host.ReportAsync(_siret);
        _host.CacheClock.Advance(TimeSpan.FromDays(2));
        Stubs.Fails(Registry.RechercheEntreprises, _siret, 503);

        var report = await _host.ReportAsync(_siret);

        var evidence = ReportEvidence.Of(report, SourceNames.RechercheEntreprises);
        Assert.True(evidence.Stale());
        Assert.True(evidence.FromCache());
        Assert.Equal("found", evidence.Outcome());
        Assert.Equal(ReportEvidence.Of(fresh, SourceNames.RechercheEntreprises).RetrievedAt(), evidence.RetrievedAt());
        Assert.True(Stubs.RequestCount(Registry.RechercheEntreprises, _siret) > 1);
        Assert.Contains(report.Warnings, w => w.StartsWith("L'API Recherche d'entreprises n'a pas répondu : les données utilisées sont les dernières connues", StringComparison.Ordinal));
        Assert.Equal(fresh.Company, report.Company);
    }

    [Fact]
    public async Task An_unknown_siret_is_negatively_cached()
    {
        Stubs.RechercheUnknown(_siret);

        var first = await _host.CheckAsync(_siret);
        var second = await _host.CheckAsync(_siret);
        Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, _siret));

        _host.CacheClock.Advance(TimeSpan.FromMinutes(61));
        await _host.CheckAsync(_siret);

        Assert.Equal(CheckFailure.Codes.UnknownSiret, first.Failure?.Code);
        Assert.Equal(CheckFailure.Codes.UnknownSiret, second.Failure?.Code);
        Assert.Equal(2, Stubs.RequestCount(Registry.RechercheEntreprises, _siret));
    }

    [Fact]
    public async Task Twenty_concurrent_checks_of_one_siret_make_one_upstream_call()
    {
        Stubs.Delayed(Registry.RechercheEntreprises, _siret, TimeSpan.FromMilliseconds(300)).FinessUnknown(_siret);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _host.CheckAsync(_siret))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Failure?.Detail));
        Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, _siret));
        Assert.Equal(1, Stubs.RequestCount(Registry.Finess, _siret));
        Assert.Equal(1, Stubs.RequestCount(Registry.MarcheInclusion, _siret));
    }

    [Fact]
    public async Task The_history_lists_the_checks_newest_first()
    {
        Stubs.RechercheFound(_siret, new StubCompany { LegalForm = "9220" });
        await _host.ReportAsync(_siret, clientId: "mairie-de-lyon");
        await _host.ReportAsync(_siret, clientId: "departement-du-rhone");

        var history = await _host.Get<ICheckAuditLog>().ListAsync(Answers.Siret(_siret), 10, default);

        Assert.Equal(["departement-du-rhone", "mairie-de-lyon"], history.Select(h => h.ClientId));
        Assert.True(history[0].CheckedAt >= history[1].CheckedAt);
        Assert.All(history, h => Assert.Equal("yes", h.Ess));
        Assert.Contains(history[0].Sources, s => s.StartsWith("recherche-entreprises:found@", StringComparison.Ordinal) && s.EndsWith(":cache", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_huge_registry_payload_is_stored_and_read_back()
    {
        var name = Answers.Incompressible(300_000);
        Stubs.RechercheFound(_siret, new StubCompany { Name = name });

        await _host.ReportAsync(_siret);
        var cached = await _host.ReportAsync(_siret);

        Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, _siret));
        Assert.True(ReportEvidence.Of(cached, SourceNames.RechercheEntreprises).FromCache());
        Assert.Equal(name, cached.Company.Name);
        var row = (await FactsTable.GetEntityAsync<TableEntity>(_siret[..9], $"{SourceNames.RechercheEntreprises}|{_siret}")).Value;
        Assert.True(row.GetInt32("FactsChunks") > 1);
        Assert.All(row.Keys.Where(k => row[k] is byte[]), k => Assert.True(row.GetBinary(k).Length <= 64 * 1024));
    }

    [Fact]
    public async Task A_row_of_an_old_schema_version_is_fetched_again()
    {
        Stubs.RechercheFound(_siret);
        await _host.ReportAsync(_siret);
        var row = (await FactsTable.GetEntityAsync<TableEntity>(_siret[..9], $"{SourceNames.RechercheEntreprises}|{_siret}")).Value;
        row[FactsEntity.SchemaVersionProperty] = FactsEntity.SchemaVersion - 1;
        await FactsTable.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var report = await _host.ReportAsync(_siret);

        Assert.Equal(2, Stubs.RequestCount(Registry.RechercheEntreprises, _siret));
        Assert.False(ReportEvidence.Of(report, SourceNames.RechercheEntreprises).FromCache());
        var rewritten = (await FactsTable.GetEntityAsync<TableEntity>(_siret[..9], $"{SourceNames.RechercheEntreprises}|{_siret}")).Value;
        Assert.Equal(FactsEntity.SchemaVersion, rewritten.GetInt32(FactsEntity.SchemaVersionProperty));
    }
}
