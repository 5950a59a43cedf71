using EsusCheck.Core.Facts;
using EsusCheck.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EsusCheck.Core.Reference.ListRefreshResult;

namespace EsusCheck.Core.Reference.Marche;

/// <summary>Copies Le Marché's full list into the local store when a token is configured. A read that fails, or a
/// list much smaller than the copy in use, leaves the previous copy active.</summary>
public sealed class MarcheCopyRefresher(
    MarcheListClient client,
    IMarcheCopyStore store,
    IOptions<MarcheCopyOptions> marche,
    IOptions<ReferenceOptions> reference,
    TimeProvider clock,
    ILogger<MarcheCopyRefresher> logger)
{
    public async Task<ListRefreshResult> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!reference.Value.CopyMarche)
            return new(Lists.Marche, RefreshOutcome.Skipped, Codes.Disabled, "La copie du Marché de l'inclusion est désactivée (Reference:CopyMarche).");
        if (!marche.Value.HasToken)
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

        MarcheCopyInfo? previous;
        try
        {
            previous = await store.GetInfoAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Marché copy refresh failed: the copy in use could not be read; the previous copy stays active");
            return new(Lists.Marche, RefreshOutcome.Failed, Codes.StoreFailed,
                "La copie du Marché de l'inclusion en service n'a pas pu être lue : la nouvelle n'est pas enregistrée.");
        }
        var minimum = previous is null ? 1 : (int)Math.Ceiling(previous.StructureCount * reference.Value.MarcheMinimumShare);
        if (read.Structures.Count < Math.Max(1, minimum))
        {
            logger.LogError("Marché copy refresh refused: {Count} structures read, previous copy has {PreviousCount}; the previous copy stays active",
                read.Structures.Count, previous?.StructureCount ?? 0);
            return new(Lists.Marche, RefreshOutcome.Failed, Codes.TooSmall,
                $"Le Marché de l'inclusion n'a renvoyé que {read.Structures.Count} structures (la copie en service en compte {previous?.StructureCount ?? 0}) : " +
                "la nouvelle liste est refusée et la copie précédente reste utilisée.", read.Structures.Count);
        }

        var info = new MarcheCopyInfo(clock.GetUtcNow(), read.Structures.Count, SourceNames.MarcheInclusion);
        try
        {
            await store.ReplaceAsync(info, read.Structures, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Marché copy refresh failed while storing the new copy; the previous copy stays active");
            return new(Lists.Marche, RefreshOutcome.Failed, Codes.StoreFailed,
                "La nouvelle copie du Marché de l'inclusion n'a pas pu être enregistrée. La copie précédente reste utilisée.", read.Structures.Count);
        }

        var warnings = new List<string>();
        if (read.Skipped > 0)
            warnings.Add($"{read.Skipped} structures sans SIRET valide ou de type inconnu n'ont pas été copiées.");
        if (read.Structures.Count + read.Skipped != read.DeclaredCount)
            warnings.Add($"Le Marché annonçait {read.DeclaredCount} structures ; {read.Structures.Count + read.Skipped} ont été lues (la liste a pu changer pendant la lecture).");
        logger.LogInformation("Marché copy refreshed: {Count} structures ({Skipped} skipped, {Declared} declared)",
            read.Structures.Count, read.Skipped, read.DeclaredCount);
        return new(Lists.Marche, RefreshOutcome.Succeeded, Codes.Refreshed,
            $"Copie du Marché de l'inclusion mise à jour : {read.Structures.Count} structures.", read.Structures.Count, warnings);
    }
}
