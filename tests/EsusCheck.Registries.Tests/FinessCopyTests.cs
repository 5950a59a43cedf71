using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EsusCheck.Registries.Tests;

/// <summary>The FINESS source reads the local ESAT/EA copy before any per-SIRET call, while the copy is fresh.</summary>
public sealed class FinessCopyTests : StubbedRegistriesTest
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryFinessCopyStore _copy = new();

    private async Task<EligibilityReport> CheckAsync(string siret, IFinessCopyStore? copy = null)
    {
        var services = RegistryTestServices.Create(Stubs);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(copy ?? _copy);
        await using var provider = services.BuildServiceProvider();
        var outcome = await provider.GetRequiredService<EligibilityService>().CheckAsync(new CheckRequest(siret));
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        return outcome.Report!;
    }

    [Fact]
    public async Task A_fresh_copy_answers_without_a_per_siret_call_for_listed_and_unlisted_sirets()
    {
        var (esat, other) = (TestSirets.Next(), TestSirets.Next());
        Stubs.RechercheFound(esat, new StubCompany { LegalForm = "9220" }).RechercheFound(other);
        await _copy.ReplaceAsync(new FinessCopyInfo(_clock.GetUtcNow().AddDays(-1), 1, SourceNames.Finess),
            [new FinessCopyEntry(esat, "246", "E.S.A.T.", "130000001")], CancellationToken.None);

        var listed = await CheckAsync(esat);
        var unlisted = await CheckAsync(other);

        Assert.Equal(0, Stubs.RequestCount(Registry.Finess));
        Assert.Equal(ContractStatus.Eligible, Verdict(listed, ReservedArticle.L2113_12).Status);
        var evidence = Evidence(listed, SourceNames.Finess);
        Assert.Equal(_clock.GetUtcNow().AddDays(-1), evidence.RetrievedAt);
        Assert.Contains("copie locale", evidence.Detail, StringComparison.Ordinal);
        Assert.Equal("not_found", Evidence(unlisted, SourceNames.Finess).Outcome);
    }

    [Fact]
    public async Task A_stale_copy_is_not_trusted_and_the_registry_is_asked()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret).FinessFound(siret, ("247", "Entreprise Adaptée"));
        await _copy.ReplaceAsync(new FinessCopyInfo(_clock.GetUtcNow().AddDays(-8), 0, SourceNames.Finess), [], CancellationToken.None);

        var report = await CheckAsync(siret);

        Assert.Equal(1, Stubs.RequestCount(Registry.Finess, siret));
        Assert.Equal("found", Evidence(report, SourceNames.Finess).Outcome);
    }

    [Fact]
    public async Task An_unreadable_copy_is_passed_over_and_the_registry_is_asked()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret).FinessFound(siret, ("246", "E.S.A.T."));
        var unreadable = new Mock<IFinessCopyStore>();
        unreadable.Setup(c => c.FindAsync(It.IsAny<Core.Identifiers.Siret>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("storage down"));

        var report = await CheckAsync(siret, unreadable.Object);

        Assert.Equal(1, Stubs.RequestCount(Registry.Finess, siret));
        var evidence = Evidence(report, SourceNames.Finess);
        Assert.Equal("found", evidence.Outcome);
        Assert.DoesNotContain("copie locale", evidence.Detail, StringComparison.Ordinal);
    }
}
