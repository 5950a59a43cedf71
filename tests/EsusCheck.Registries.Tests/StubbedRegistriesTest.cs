using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Registries.Tests;

/// <summary>One registry stub per test, and a check through the real <see cref="EligibilityService"/>.</summary>
public abstract class StubbedRegistriesTest : IDisposable
{
    protected RegistryStubs Stubs { get; } = new();

    public void Dispose()
    {
        Stubs.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<CheckOutcome> CheckAsync(string identifier, bool marcheToken = false, bool sireneKey = false,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        await using var services = RegistryTestServices.Build(Stubs, marcheToken, sireneKey, overrides);
        return await services.GetRequiredService<EligibilityService>().CheckAsync(new CheckRequest(identifier));
    }

    protected async Task<EligibilityReport> ReportAsync(string identifier, bool marcheToken = false, bool sireneKey = false,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var outcome = await CheckAsync(identifier, marcheToken, sireneKey, overrides);
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        return outcome.Report!;
    }

    protected static EvidenceItem Evidence(EligibilityReport report, string source) => Assert.Single(report.Evidence, e => e.Source == source);

    protected static ReservedContractVerdict Verdict(EligibilityReport report, ReservedArticle article) =>
        Assert.Single(report.ReservedContracts, c => c.Article == article);
}
