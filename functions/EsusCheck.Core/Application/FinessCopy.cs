namespace EsusCheck.Core.Application;

/// <summary>One FINESS establishment of the local copy: an ESAT (category 246) or an entreprise adaptée (247).</summary>
public sealed record FinessCopyEntry(string Siret, string Category, string? Label, string? FinessNumber);

/// <summary>Which copy is active: when it was made, how many establishments, from where.</summary>
public sealed record FinessCopyInfo(DateTimeOffset CopiedAt, int EstablishmentCount, string Source);

/// <summary>One consistent read of the copy: the ESAT/EA establishments of a SIRET (usually none).</summary>
public sealed record FinessCopyLookup(FinessCopyInfo? Copy, IReadOnlyList<FinessCopyEntry> Establishments)
{
    public static readonly FinessCopyLookup NoCopy = new(null, []);
}

/// <summary>The local copy of FINESS's ESAT and EA establishments. The FINESS source consults it first: with a copy
/// younger than <c>Reference:FinessCopyMaxAge</c>, its answer stands for the per-SIRET API's.</summary>
public interface IFinessCopyStore
{
    Task<FinessCopyLookup> FindAsync(Identifiers.Siret siret, CancellationToken cancellationToken);
    Task<FinessCopyInfo?> GetInfoAsync(CancellationToken cancellationToken);
    /// <summary>Replaces the copy as a whole: a reader sees the old copy or the new one, never a mix.</summary>
    Task ReplaceAsync(FinessCopyInfo info, IReadOnlyCollection<FinessCopyEntry> establishments, CancellationToken cancellationToken);
}

/// <summary>Reads every ESAT and EA establishment of FINESS (the registries adapter pages the data.gouv tabular API).
/// Throws <see cref="FinessListException"/> when the list cannot be read whole.</summary>
public interface IFinessListSource
{
    Task<IReadOnlyList<FinessCopyEntry>> ReadEsatAndEaAsync(CancellationToken cancellationToken);
}

/// <summary>The list could not be read whole. The message is French (it reaches the refresh report).</summary>
public sealed class FinessListException(string message) : Exception(message);

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
