using EsusCheck.Core.Application;

namespace EsusCheck.Spaser.Tests.Pipeline;

/// <summary>A SPASER job schedules its checks through the bulk pipeline, so it gets the batched INSEE prefetch too:
/// with a key, the holders' identities come from one multi-SIRET call and Recherche d'entreprises is not asked.</summary>
public sealed class PrefetchTests
{
    [Fact]
    public async Task With_an_insee_key_the_holders_are_prefetched_in_one_batch_and_not_asked_one_by_one()
    {
        await using var harness = await SpaserHarness.StartAsync(
            new Dictionary<string, string?> { ["Registries:Sirene:ApiKey"] = RegistryStubs.SireneApiKey },
            services => services.AddSingleton<IFactsCache, InMemoryFactsCache>());
        var s = harness.Scenario;
        harness.Stubs.SireneBatchFound(s.Siae, Scenario.Insertion).SireneBatchFound(s.Esat, Scenario.EsatAssociation)
            .SireneBatchFound(s.Scop, Scenario.ScopCompany).SireneBatchFound(s.Sas, Scenario.Plain).SireneBatchFound(s.Ceased, Scenario.CeasedCompany);

        var run = await harness.RunAsync(harness.Write("decp.json", IndicatorsByFormatTests.Render("json", s.Contracts())));

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.Equal(1, run.Job.PrefetchTotal);
        Assert.Single(harness.Stubs.SireneBatches);
        Assert.All(new[] { s.Siae, s.Esat, s.Scop, s.Sas, s.Ceased }, siret =>
            Assert.Equal(0, harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret)));
    }
}
