using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>The copy held in memory (no storage configured); replaced as a whole, so a reader sees one version.</summary>
public sealed class InMemoryMarcheCopyStore : IMarcheCopyStore
{
    private volatile Snapshot? _current;

    private sealed record Snapshot(MarcheCopyInfo Info, ILookup<string, MarcheCopyEntry> BySiret);

    public Task<MarcheCopyLookup> FindAsync(Siret siret, CancellationToken cancellationToken)
    {
        var current = _current;
        return Task.FromResult(current is null
            ? MarcheCopyLookup.NoCopy
            : new MarcheCopyLookup(current.Info, current.BySiret[siret.Value].ToList()));
    }

    public Task<MarcheCopyInfo?> GetInfoAsync(CancellationToken cancellationToken) => Task.FromResult(_current?.Info);

    public Task ReplaceAsync(MarcheCopyInfo info, IReadOnlyCollection<MarcheCopyEntry> structures, CancellationToken cancellationToken)
    {
        _current = new Snapshot(info, structures.ToLookup(s => s.Siret, StringComparer.Ordinal));
        return Task.CompletedTask;
    }
}
