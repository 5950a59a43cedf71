namespace EsusCheck.Storage.Tests.Cache;

/// <summary>What the cache leaves in Table Storage: schema versions, payload sizes, and a storage outage.</summary>
public sealed class CachedEntityTests : IDisposable
{
    private readonly StorageHost _host;
    private readonly FakeRegistrySource _recherche;

    public CachedEntityTests()
    {
        _recherche = new(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Answers.Identity(_host!.Clock));
        _host = new StorageHost([_recherche]);
    }

    public void Dispose() => _host.Dispose();

    private TableEntity StoredRow() =>
        _host.Table(_host.FactsTable).GetEntity<TableEntity>("732829320", $"{SourceNames.RechercheEntreprises}|{Answers.KnownSiret}").Value;

    [Fact]
    public async Task A_row_without_a_schema_version_is_fetched_again()
    {
        var table = _host.Table(_host.FactsTable);
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("732829320", $"{SourceNames.RechercheEntreprises}|{Answers.KnownSiret}") { ["Json"] = "{}" });

        await _host.ReportAsync();

        Assert.Equal(1, _recherche.Calls);
    }

    [Fact]
    public async Task An_answer_too_large_even_compressed_is_used_but_not_cached()
    {
        _recherche.Answer = _ => Answers.Identity(_host.Clock, Answers.Incompressible(2_000_000));

        var first = await _host.ReportAsync();
        var second = await _host.ReportAsync();

        Assert.Equal(2, _recherche.Calls);
        Assert.Equal(2_000_000, second.Company.Name!.Length);
        Assert.False(ReportEvidence.Of(second, SourceNames.RechercheEntreprises).FromCache());
        Assert.Contains(_host.Logs.GetSnapshot(), l => l.Message.Contains("exceeds the Table Storage entity limit", StringComparison.Ordinal));
        Assert.Equal(first.Company.Name, second.Company.Name);
    }

    [Fact]
    public async Task A_small_answer_replacing_a_huge_one_leaves_no_chunk_behind()
    {
        _recherche.Answer = _ => Answers.Identity(_host.Clock, Answers.Incompressible(300_000));
        await _host.ReportAsync();
        _recherche.Answer = _ => Answers.Identity(_host.Clock, "PETIT");

        await _host.ReportAsync(refresh: true);
        var cached = await _host.ReportAsync();

        Assert.Equal("PETIT", cached.Company.Name);
        Assert.True(ReportEvidence.Of(cached, SourceNames.RechercheEntreprises).FromCache());
        var row = StoredRow();
        Assert.Equal(1, row.GetInt32("FactsChunks"));
        Assert.DoesNotContain("Facts1", row.Keys);
    }

    [Fact]
    public async Task When_storage_is_down_every_check_still_asks_the_registry_and_answers()
    {
        var closedPort = ClosedPort();
        using var host = new StorageHost([_recherche], connectionString: Azurite.ConnectionStringFor(closedPort, closedPort, closedPort));
        _recherche.Answer = _ => Answers.Identity(host.Clock);

        var first = await host.Service.CheckAsync(new CheckRequest(Answers.KnownSiret));
        var second = await host.Service.CheckAsync(new CheckRequest(Answers.KnownSiret));

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Equal(2, _recherche.Calls);
        Assert.False(ReportEvidence.Of(second.Report!, SourceNames.RechercheEntreprises).FromCache());
        Assert.Contains(host.Logs.GetSnapshot(), l => l.Message.Contains("Facts cache unreadable", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
