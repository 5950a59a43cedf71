namespace EsusCheck.Storage.Tests.Audit;

/// <summary>The audit history on Azurite: one row per check, newest first, bounded.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly StorageHost _host;

    public AuditLogTests()
    {
        _host = new StorageHost([], new Dictionary<string, string?>
        {
            ["Audit:MaxRowsPerSiret"] = "3",
            ["Audit:Retention"] = "30.00:00:00",
        });
    }

    public void Dispose() => _host.Dispose();

    private ICheckAuditLog Log => _host.Get<ICheckAuditLog>();

    private static AuditEntry Entry(DateTimeOffset at, string? clientId = "acheteur", string siret = Answers.KnownSiret) => new()
    {
        Siret = siret,
        CheckedAt = at,
        Cpv = "85311000",
        Ess = "yes",
        Esus = "unknown",
        ReservedContracts = new Dictionary<string, string> { ["L2113-13"] = "not_eligible", ["L2113-15"] = "eligible" },
        Sources = ["recherche-entreprises:Found@2026-11-28T09:00:00.0000000+00:00:cache"],
        EsusListPublishedOn = new DateOnly(2026, 7, 1),
        RulesVersion = "2026.11.1",
        ClientId = clientId,
    };

    private async Task<int> RowCountAsync(string siret = Answers.KnownSiret)
    {
        var count = 0;
        await foreach (var _ in _host.Table(_host.AuditTable).QueryAsync<TableEntity>(e => e.PartitionKey == siret)) count++;
        return count;
    }

    [Fact]
    public async Task A_row_reads_back_with_every_field()
    {
        var entry = Entry(_host.Clock.GetUtcNow());

        await Log.RecordAsync(entry, default);
        var read = Assert.Single(await Log.ListAsync(Answers.Siret(), 10, default));

        Assert.Equal(entry.Siret, read.Siret);
        Assert.Equal(entry.CheckedAt, read.CheckedAt);
        Assert.Equal(entry.Cpv, read.Cpv);
        Assert.Equal((entry.Ess, entry.Esus), (read.Ess, read.Esus));
        Assert.Equal(entry.ReservedContracts, read.ReservedContracts);
        Assert.Equal(entry.Sources, read.Sources);
        Assert.Equal(entry.EsusListPublishedOn, read.EsusListPublishedOn);
        Assert.Equal(entry.RulesVersion, read.RulesVersion);
        Assert.Equal(entry.ClientId, read.ClientId);
    }

    [Fact]
    public async Task Checks_are_listed_newest_first_whatever_the_order_they_were_recorded_in()
    {
        var now = _host.Clock.GetUtcNow();
        foreach (var minutes in new[] { 10, 30, 20 }) await Log.RecordAsync(Entry(now.AddMinutes(minutes)), default);

        var listed = await Log.ListAsync(Answers.Siret(), 10, default);

        Assert.Equal([now.AddMinutes(30), now.AddMinutes(20), now.AddMinutes(10)], listed.Select(e => e.CheckedAt));
    }

    [Fact]
    public async Task Two_checks_in_the_same_tick_are_both_kept()
    {
        var at = _host.Clock.GetUtcNow();
        await Log.RecordAsync(Entry(at, "a"), default);
        await Log.RecordAsync(Entry(at, "b"), default);

        Assert.Equal(["a", "b"], (await Log.ListAsync(Answers.Siret(), 10, default)).Select(e => e.ClientId).Order());
    }

    [Fact]
    public async Task The_history_keeps_the_newest_rows_up_to_the_configured_maximum()
    {
        var now = _host.Clock.GetUtcNow();
        for (var i = 0; i < 5; i++) await Log.RecordAsync(Entry(now.AddMinutes(i)), default);

        var listed = await Log.ListAsync(Answers.Siret(), 10, default);

        Assert.Equal([now.AddMinutes(4), now.AddMinutes(3), now.AddMinutes(2)], listed.Select(e => e.CheckedAt));
        Assert.Equal(3, await RowCountAsync());
    }

    [Fact]
    public async Task Rows_past_the_retention_are_deleted_when_the_siret_is_checked_again()
    {
        await Log.RecordAsync(Entry(_host.Clock.GetUtcNow()), default);
        _host.Clock.Advance(TimeSpan.FromDays(31));

        await Log.RecordAsync(Entry(_host.Clock.GetUtcNow()), default);

        Assert.Equal(_host.Clock.GetUtcNow(), Assert.Single(await Log.ListAsync(Answers.Siret(), 10, default)).CheckedAt);
    }

    [Fact]
    public async Task The_history_of_one_siret_does_not_touch_another()
    {
        var now = _host.Clock.GetUtcNow();
        await Log.RecordAsync(Entry(now, siret: "55210055400013"), default);
        for (var i = 0; i < 5; i++) await Log.RecordAsync(Entry(now.AddMinutes(i)), default);

        Assert.Single(await Log.ListAsync(Answers.Siret("55210055400013"), 10, default));
    }

    [Fact]
    public async Task List_returns_at_most_the_number_asked()
    {
        var now = _host.Clock.GetUtcNow();
        for (var i = 0; i < 3; i++) await Log.RecordAsync(Entry(now.AddMinutes(i)), default);

        Assert.Equal(now.AddMinutes(2), Assert.Single(await Log.ListAsync(Answers.Siret(), 1, default)).CheckedAt);
        Assert.Empty(await Log.ListAsync(Answers.Siret(), 0, default));
    }

    [Fact]
    public async Task A_very_long_client_id_is_shortened_so_the_row_always_fits()
    {
        await Log.RecordAsync(Entry(_host.Clock.GetUtcNow(), clientId: new string('x', 100_000)), default);

        Assert.Equal(256, Assert.Single(await Log.ListAsync(Answers.Siret(), 10, default)).ClientId!.Length);
    }

    [Fact]
    public async Task Every_check_through_the_service_appends_a_row_with_the_sources_and_the_client()
    {
        var recherche = new FakeRegistrySource(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Answers.Identity(_host.Clock));
        using var host = new StorageHost([recherche]);
        await host.ReportAsync(clientId: "mairie-de-lyon");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReportAsync(clientId: "cd69");

        var history = await host.Get<ICheckAuditLog>().ListAsync(Answers.Siret(), 10, default);

        Assert.Equal(["cd69", "mairie-de-lyon"], history.Select(h => h.ClientId));
        Assert.Contains(history[0].Sources, s => s.StartsWith("recherche-entreprises:found@", StringComparison.Ordinal) && s.EndsWith(":cache", StringComparison.Ordinal));
        Assert.DoesNotContain(history[1].Sources, s => s.EndsWith(":cache", StringComparison.Ordinal));
        Assert.Equal("yes", history[0].Ess);
    }
}
