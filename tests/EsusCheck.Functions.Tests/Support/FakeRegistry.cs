using System.Collections.Concurrent;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Testing;

namespace EsusCheck.Functions.Tests.Support;

/// <summary>An identity source between our own classes (the registries' HTTP behaviour is tested against WireMock in
/// EsusCheck.Registries.Tests): it knows the SIRETs it was told, counts the calls per SIRET and the peak of calls in
/// flight, and can be taken down.</summary>
public sealed class FakeRegistry(string name = SourceNames.RechercheEntreprises, SourceRole role = SourceRole.Identity) : IRegistrySource
{
    private readonly ConcurrentDictionary<string, Func<FactsBuilder, FactsBuilder>> _known = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private int _inFlight;
    private int _peakInFlight;

    public string Name => name;
    public SourceRole Role => role;

    /// <summary>When set, every call answers unavailable with this Retry-After.</summary>
    public (bool Down, TimeSpan? RetryAfter) Outage { get; set; }

    /// <summary>Keeps each call in flight this long, so that concurrent calls overlap.</summary>
    public TimeSpan Latency { get; set; }

    public FakeRegistry Knows(string siret, Func<FactsBuilder, FactsBuilder>? shape = null)
    {
        _known[siret] = shape ?? (b => b);
        return this;
    }

    public int CallsFor(string siret) => _calls.GetValueOrDefault(siret);

    public int TotalCalls => _calls.Values.Sum();

    public int PeakInFlight => _peakInFlight;

    public async Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(siret.Value, 1, (_, n) => n + 1);
        var inFlight = Interlocked.Increment(ref _inFlight);
        int peak;
        while (inFlight > (peak = _peakInFlight) && Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) != peak) { }
        try
        {
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
            var at = FactsBuilder.RetrievedAt;
            if (Outage.Down) return SourceFacts.Unavailable(name, at, "Le registre n'a pas répondu (test).", Outage.RetryAfter);
            if (!_known.TryGetValue(siret.Value, out var shape)) return SourceFacts.NotFound(name, at);
            var facts = shape(new FactsBuilder().WithSiret(siret.Value)).Build();
            return facts.IdentitySource! with { Evidence = facts.IdentitySource!.Evidence with { Source = name } };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

/// <summary>Resolves the SIRENs it was told to their head office.</summary>
public sealed class FakeHeadOffices : IHeadOfficeResolver
{
    private readonly ConcurrentDictionary<string, string> _headOffices = new();

    public FakeHeadOffices Knows(string siren, string headOfficeSiret)
    {
        _headOffices[siren] = headOfficeSiret;
        return this;
    }

    public Task<Siret?> FindHeadOfficeAsync(Siren siren, CancellationToken cancellationToken) =>
        Task.FromResult(_headOffices.TryGetValue(siren.Value, out var siret) ? IdentifierParser.FromRegistry(siret) : null);
}
