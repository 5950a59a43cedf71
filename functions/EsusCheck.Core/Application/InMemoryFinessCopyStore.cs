namespace EsusCheck.Core.Application;

/// <summary>The copy held in memory; replaced as a whole.</summary>
public sealed class InMemoryFinessCopyStore : IFinessCopyStore
{
    private volatile Snapshot? _current;

    private sealed record Snapshot(FinessCopyInfo Info, ILookup<string, FinessCopyEntry> BySiret);

    public Task<FinessCopyLookup> FindAsync(Identifiers.Siret siret, CancellationToken cancellationToken)
    {
        var current = _current;
        return Task.FromResult(current is null ? FinessCopyLookup.NoCopy : new FinessCopyLookup(current.Info, current.BySiret[siret.Value].ToList()));
    }

    public Task<FinessCopyInfo?> GetInfoAsync(CancellationToken cancellationToken) => Task.FromResult(_current?.Info);

    public Task ReplaceAsync(FinessCopyInfo info, IReadOnlyCollection<FinessCopyEntry> establishments, CancellationToken cancellationToken)
    {
        _current = new Snapshot(info, establishments.ToLookup(e => e.Siret, StringComparer.Ordinal));
        return Task.CompletedTask;
    }
}
