using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Telemetry;
using EsusCheck.Registries.MarcheInclusion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EsusCheck.Registries.Reference.ListRefreshResult;

namespace EsusCheck.Registries.Reference.Marche;

/// <summary>Copies Le Marché's full list into the local store when a token is configured. A read that fails, or a
/// list much smaller than the copy in use, leaves the previous copy active.</summary>
public sealed class MarcheCopyRefresher(
    MarcheListClient client,
    IMarcheCopyStore store,
    IOptions<MarcheInclusionOptions> marche,
    IOptions<ReferenceOptions> reference,
    TimeProvider clock,
    ILogger<MarcheCopyRefresher> logger)
{
    private static readonly ListCopy Copy = new(Lists.Marche, "du Marché de l'inclusion", "Le Marché de l'inclusion", "structures");

    public async Task<ListRefreshResult> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!reference.Value.CopyMarche)
            return new(Lists.Marche, RefreshOutcome.Skipped, Codes.Disabled, "La copie du Marché de l'inclusion est désactivée (Reference:CopyMarche).");
        if (!marche.Value.IsConfigured)
            return new(Lists.Marche, RefreshOutcome.Skipped, Codes.NoToken,
                "Aucun jeton du Marché de l'inclusion n'est configuré : sa liste n'est pas copiée, le Marché est interrogé SIRET par SIRET s'il est configuré.");

        MarcheListRead read;
        try
        {
            read = await client.ReadAllAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Marché copy refresh failed: the list could not be read; the previous copy stays active");
            return new(Lists.Marche, RefreshOutcome.Failed, Codes.SourceFailed,
                ex is MarcheListException ? ex.Message + " La copie précédente reste utilisée."
                    : "Le Marché de l'inclusion n'a pas pu être lu en entier. La copie précédente reste utilisée.");
        }

        var warnings = new List<string>();
        if (read.Skipped > 0)
            warnings.Add($"{read.Skipped} structures sans SIRET valide ou de type inconnu n'ont pas été copiées.");
        if (read.Structures.Count + read.Skipped != read.DeclaredCount)
            warnings.Add($"Le Marché annonçait {read.DeclaredCount} structures ; {read.Structures.Count + read.Skipped} ont été lues (la liste a pu changer pendant la lecture).");
        return await Copy.ReplaceGuardedAsync(read.Structures.Count, reference.Value.MarcheMinimumShare,
            async () => (await store.GetInfoAsync(cancellationToken))?.StructureCount,
            () => store.ReplaceAsync(new MarcheCopyInfo(clock.GetUtcNow(), read.Structures.Count, SourceNames.MarcheInclusion), read.Structures, cancellationToken),
            logger, warnings);
    }
}
