using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EsusCheck.Registries.Reference.ListRefreshResult;

namespace EsusCheck.Registries.Reference.Finess;

/// <summary>Copies FINESS's ESAT and EA establishments (categories 246 and 247) into the local store. A read that
/// fails, or a list much smaller than the copy in use, leaves the previous copy active.</summary>
public sealed class FinessCopyRefresher(
    IFinessCopyStore store,
    IOptions<ReferenceOptions> reference,
    TimeProvider clock,
    ILogger<FinessCopyRefresher> logger,
    IFinessListSource source)
{
    private static readonly ListCopy Copy = new(Lists.Finess, "des ESAT et EA de FINESS", "FINESS", "établissements");

    public async Task<ListRefreshResult> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!reference.Value.CopyFiness)
            return new(Lists.Finess, RefreshOutcome.Skipped, Codes.Disabled, "La copie des ESAT et EA de FINESS est désactivée (Reference:CopyFiness).");

        IReadOnlyList<FinessCopyEntry> read;
        try
        {
            read = await source.ReadEsatAndEaAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "FINESS copy refresh failed: the list could not be read; the previous copy stays active");
            return new(Lists.Finess, RefreshOutcome.Failed, Codes.SourceFailed,
                (ex is FinessListException ? ex.Message : "La liste des ESAT et EA de FINESS n'a pas pu être lue en entier.") +
                " La copie précédente reste utilisée.");
        }

        return await Copy.ReplaceGuardedAsync(read.Count, reference.Value.FinessMinimumShare,
            async () => (await store.GetInfoAsync(cancellationToken))?.EstablishmentCount,
            () => store.ReplaceAsync(new FinessCopyInfo(clock.GetUtcNow(), read.Count, SourceNames.Finess), read, cancellationToken), logger, []);
    }
}
