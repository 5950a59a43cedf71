using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Registries.Http;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EsusCheck.Registries.Tests;

/// <summary>What a registry call will not wait for or read: a turn behind the rate limit past <c>MaxQueueWait</c>
/// (busy, the registry never asked), an answer larger than <c>MaxResponseBytes</c> (that source unavailable).</summary>
public sealed class RegistryBoundsTests : StubbedRegistriesTest
{
    [Fact]
    public async Task A_long_wait_for_the_limiter_is_registries_busy_with_a_retry_after_and_the_registry_is_never_asked()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret);
        var clock = new FakeTimeProvider();
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var limiter = new Mock<IRequestLimiter>();
        limiter.Setup(l => l.AcquireAsync(It.IsAny<CancellationToken>()))
            .Returns((CancellationToken ct) => new ValueTask<IDisposable>(NeverYourTurnAsync(queued, ct)));
        var collection = RegistryTestServices.Create(Stubs, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:MaxQueueWait"] = "00:00:07",
            // Far beyond the queue wait: only the queue bound can end this call.
            ["Registries:RechercheEntreprises:TotalTimeout"] = "01:00:00",
            ["Registries:RechercheEntreprises:AttemptTimeout"] = "00:30:00",
        });
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddKeyedSingleton(SourceNames.RechercheEntreprises, limiter.Object);
        await using var services = collection.BuildServiceProvider();

        var check = services.GetRequiredService<EligibilityService>().CheckAsync(new CheckRequest(siret));
        await queued.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(check.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(7));
        var failure = (await check.WaitAsync(TimeSpan.FromSeconds(30))).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
        Assert.Equal(CheckFailure.Codes.RegistriesBusy, failure.Code);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
        Assert.Equal("Registres très sollicités", failure.Title);
        Assert.Empty(Stubs.Requests(Registry.RechercheEntreprises, siret));
    }

    [Fact]
    public async Task A_registry_that_does_not_answer_in_time_is_still_registries_unavailable()
    {
        var siret = TestSirets.Next();
        Stubs.Delayed(Registry.RechercheEntreprises, siret, TimeSpan.FromSeconds(5));

        var failure = (await CheckAsync(siret, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:AttemptTimeout"] = "00:00:00.300",
            ["Registries:RechercheEntreprises:MaxRetries"] = "0",
        })).Failure!;

        Assert.Equal(CheckFailure.Codes.RegistriesUnavailable, failure.Code);
    }

    [Fact]
    public async Task A_huge_answer_is_not_read_and_leaves_that_source_unavailable()
    {
        var siret = TestSirets.Next();
        Stubs.Oversized(Registry.RechercheEntreprises, siret, 3 * 1024 * 1024).SireneFound(siret);

        var report = await ReportAsync(siret, sireneKey: true, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:MaxResponseBytes"] = "65536",
        });

        var recherche = Evidence(report, SourceNames.RechercheEntreprises);
        Assert.Equal("unavailable", recherche.Outcome);
        Assert.Equal("La réponse du registre dépasse la taille acceptée (64 Kio) : elle n'a pas été lue.", recherche.Detail);
        Assert.Equal("found", Evidence(report, SourceNames.Sirene).Outcome);
        // Not a transient failure: no retry of a body that will be as large again.
        Assert.Single(Stubs.Requests(Registry.RechercheEntreprises, siret));
    }

    [Fact]
    public async Task An_answer_within_the_cap_is_read()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret);

        var report = await ReportAsync(siret, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:MaxResponseBytes"] = "65536",
        });

        Assert.Equal("found", Evidence(report, SourceNames.RechercheEntreprises).Outcome);
    }

    private static async Task<IDisposable> NeverYourTurnAsync(TaskCompletionSource queued, CancellationToken cancellationToken)
    {
        queued.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
