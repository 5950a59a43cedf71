using System.Collections.Concurrent;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Testing.Registries;

/// <summary>The one in-process registry: our own <see cref="IRegistrySource"/> port played in memory, for tests of our
/// classes around it (engine, cache, batch, chat), where what the registry answers over HTTP is not the subject
/// (that is <see cref="RegistryStubs"/>' job). It answers what the test says, records every call, can hold calls (a
/// <see cref="Gate"/> the test opens, or a <see cref="Hold"/>) and keeps the peak number of calls in flight. As
/// Recherche d'entreprises does, it also resolves a SIREN to its head office from <see cref="HeadOffices"/>.</summary>
public sealed class FakeRegistrySource(string name, SourceRole role, Func<Siret, SourceFacts> answer) : IRegistrySource, IHeadOfficeResolver
{
    private readonly ConcurrentQueue<Siret> _asked = new();
    private int _inFlight;
    private int _peak;

    public string Name => name;
    public SourceRole Role => role;

    /// <summary>What the registry answers; an answer that throws plays an adapter that broke its contract.</summary>
    public Func<Siret, SourceFacts> Answer { get; set; } = answer;

    /// <summary>When set, every call waits until the test completes it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>How long each call stays in flight (to let concurrent callers overlap, never to assert a duration).</summary>
    public TimeSpan Hold { get; set; }

    /// <summary>SIREN → head-office SIRET, for <see cref="FindHeadOfficeAsync"/>.</summary>
    public Dictionary<string, string> HeadOffices { get; } = [];

    public int Calls => _asked.Count;

    /// <summary>The most calls that were in flight at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public IReadOnlyList<Siret> Asked => [.. _asked];

    public int CallsFor(Siret siret) => _asked.Count(s => s == siret);

    public async Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken)
    {
        _asked.Enqueue(siret);
        var inFlight = Interlocked.Increment(ref _inFlight);
        int peak;
        while (inFlight > (peak = _peak) && Interlocked.CompareExchange(ref _peak, inFlight, peak) != peak) { }
        try
        {
            if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
            if (Hold > TimeSpan.Zero) await Task.Delay(Hold, cancellationToken);
            return Answer(siret);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<Siret?> FindHeadOfficeAsync(Siren siren, CancellationToken cancellationToken) =>
        Task.FromResult(HeadOffices.TryGetValue(siren.Value, out var siret) ? IdentifierParser.FromRegistry(siret) : null);
}
