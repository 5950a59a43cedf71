using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>A registry played in-process: counts the calls and answers what the test says. An optional gate holds
/// every call until the test releases it.</summary>
public sealed class FakeRegistrySource(string name, SourceRole role, Func<Siret, SourceFacts> answer) : IRegistrySource
{
    private int _calls;

    public string Name => name;
    public SourceRole Role => role;
    public int Calls => Volatile.Read(ref _calls);
    public Func<Siret, SourceFacts> Answer { get; set; } = answer;
    public TaskCompletionSource? Gate { get; set; }

    public async Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        return Answer(siret);
    }
}
