namespace EsusCheck.Core.Application;

/// <summary>Reads every ESAT and EA establishment of FINESS (the registries adapter pages the data.gouv tabular API).
/// Throws <see cref="FinessListException"/> when the list cannot be read whole.</summary>
public interface IFinessListSource
{
    Task<IReadOnlyList<FinessCopyEntry>> ReadEsatAndEaAsync(CancellationToken cancellationToken);
}
