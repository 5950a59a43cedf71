namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary>The prefetch step of the bulk pipeline: with an INSEE key, the distinct SIRETs of a file are fetched in
/// batches and written to the cache before the chunks run, which then ask no registry for them; a SIRET missing from
/// the batch answer takes the per-SIRET path; without a key, nothing changes.</summary>
[Collection(AzureCollection.Name)]
public sealed class PrefetchTests
{
    private static readonly Dictionary<string, string?> WithInseeKey = new() { ["Registries:Sirene:ApiKey"] = RegistryStubs.SireneApiKey };

    private static void StageBatch(RegistryStubs stubs, Suppliers s) => stubs
        .SireneBatchFound(s.Siae, Suppliers.Association).SireneBatchFound(s.Esat, Suppliers.EsatAssociation)
        .SireneBatchFound(s.Esus, Suppliers.Scop).SireneBatchFound(s.Company, Suppliers.Sas);

    private static byte[] File(Suppliers s) => TestFiles.FrenchExcelCsv(
        "Fournisseur;SIRET;Montant", $"A;{s.Siae};1 000,00", $"B;{s.Esat};500", $"C;{s.Siae};250", $"D;{s.Esus};10", $"E;{s.Company};20",
        $"F;{s.Unknown};30", "G;12;1");

    [Fact]
    public async Task In_process_the_batch_answers_the_checks_and_only_the_missing_siret_is_asked_alone()
    {
        await using var harness = await LocalHarness.StartAsync(WithInseeKey, services => services.AddSingleton<IFactsCache, InMemoryFactsCache>());
        var s = harness.Suppliers;
        StageBatch(harness.Stubs, s);
        var progress = new RecordedProgress();

        var run = await harness.RunAsync(harness.Write("fournisseurs.csv", File(s)), progress);

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.Equal((1, 5, 4, 1), (run.Job.PrefetchTotal, run.Job.PrefetchSirets, run.Job.PrefetchStored, run.Job.PrefetchMissing));
        Assert.Single(harness.Stubs.SireneBatches);
        Assert.All(s.Known, siret => Assert.Equal(0, harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret)));
        Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Unknown));
        Assert.Equal((5, 5), (progress.Reports[^1].PrefetchDone, progress.Reports[^1].PrefetchTotal));
        var csv = await ResultFile.CsvAsync(harness.Output("fournisseurs-resultats.csv"), Encoding.UTF8, ';');
        Assert.Equal(["vérifié", "vérifié", "vérifié", "vérifié", "vérifié", "entreprise inconnue", "numéro invalide"], csv.Column(ResultFile.Status));
        // Identity from INSEE, kinds from Le Marché's establishment-level answer: the SIAE and the ESAT still count.
        Assert.Equal(1_250m, run.Summary!.Spaser!.Siae.Spend);
        Assert.Equal(500m, run.Summary.Spaser.EaEsat.Spend);
    }

    [Fact]
    public async Task Without_an_insee_key_the_pipeline_runs_per_siret_as_before()
    {
        await using var harness = await LocalHarness.StartAsync(configure: services => services.AddSingleton<IFactsCache, InMemoryFactsCache>());
        var s = harness.Suppliers;
        StageBatch(harness.Stubs, s);

        var run = await harness.RunAsync(harness.Write("fournisseurs.csv", File(s)));

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.Equal(0, run.Job.PrefetchTotal);
        Assert.Empty(harness.Stubs.SireneBatches);
        Assert.All(s.Known, siret => Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret)));
    }

    [Fact]
    public async Task Through_the_queue_each_batch_is_one_message_checkpointed_once_and_the_chunks_follow()
    {
        await using var harness = await AzureBulkHarness.StartAsync(new(WithInseeKey) { ["Registries:Sirene:BatchSize"] = "2" });
        var s = harness.Suppliers;
        StageBatch(harness.Stubs, s);

        var job = await harness.DropAsync("fournisseurs.csv", File(s));
        Assert.Equal(3, job.PrefetchTotal);
        var first = (await harness.ReceiveAsync())!;
        // The same batch delivered twice (a crash before the delete): checkpointed once, no second registry call.
        await harness.Work.Run(first, CancellationToken.None);
        await harness.Work.Run(first, CancellationToken.None);
        await harness.Queue.DeleteMessageAsync(first.MessageId, first.PopReceipt);
        Assert.Single((await harness.JobAsync(job.JobId)).PrefetchDone);
        Assert.Single(harness.Stubs.SireneBatches);
        Assert.False((await harness.JobAsync(job.JobId)).ChunksReleased);

        await harness.DrainAsync();

        var done = await harness.JobAsync(job.JobId);
        Assert.Equal(BulkJobState.Completed, done.State);
        Assert.True(done.ChunksReleased);
        Assert.Equal((3, 3), (BulkJobStatus.Of(done).PrefetchBatches, BulkJobStatus.Of(done).PrefetchBatchesDone));
        Assert.Equal((4, 1), (done.PrefetchStored, done.PrefetchMissing));
        Assert.Equal(3, harness.Stubs.SireneBatches.Count);
        Assert.All(s.Known, siret => Assert.Equal(0, harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret)));
        Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Unknown));
        Assert.Equal(7, done.RowsDone);
    }
}
