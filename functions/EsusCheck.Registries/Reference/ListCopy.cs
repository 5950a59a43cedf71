using EsusCheck.Core.Telemetry;
using Microsoft.Extensions.Logging;
using static EsusCheck.Registries.Reference.ListRefreshResult;

namespace EsusCheck.Registries.Reference;

/// <summary>What every copied list does once it was read whole: compare with the copy in use, refuse a list much
/// smaller than it (a truncated answer must not wipe what is known), replace the copy, and say so in French.</summary>
/// <param name="CopyName">« du Marché de l'inclusion », « des ESAT et EA de FINESS ».</param>
/// <param name="SourceName">« Le Marché de l'inclusion », « FINESS ».</param>
/// <param name="Unit">« structures », « établissements ».</param>
internal sealed record ListCopy(string List, string CopyName, string SourceName, string Unit)
{
    public async Task<ListRefreshResult> ReplaceGuardedAsync(
        int count, double minimumShare, Func<Task<int?>> previousCount, Func<Task> replace, ILogger logger, IReadOnlyList<string> warnings)
    {
        int? previous;
        try
        {
            previous = await previousCount();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Copy refresh of {List} failed: the copy in use could not be read; the previous copy stays active", List);
            return new(List, RefreshOutcome.Failed, Codes.StoreFailed, $"La copie {CopyName} en service n'a pas pu être lue : la nouvelle n'est pas enregistrée.");
        }
        var minimum = previous is null ? 1 : (int)Math.Ceiling(previous.Value * minimumShare);
        if (count < Math.Max(1, minimum))
        {
            logger.LogError("Copy refresh of {List} refused: {Count} read, previous copy has {PreviousCount}; the previous copy stays active",
                List, count, previous ?? 0);
            return new(List, RefreshOutcome.Failed, Codes.TooSmall,
                $"{SourceName} n'a renvoyé que {count} {Unit} (la copie en service en compte {previous ?? 0}) : " +
                "la nouvelle liste est refusée et la copie précédente reste utilisée.", count);
        }

        try
        {
            await replace();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Copy refresh of {List} failed while storing the new copy; the previous copy stays active", List);
            return new(List, RefreshOutcome.Failed, Codes.StoreFailed,
                $"La nouvelle copie {CopyName} n'a pas pu être enregistrée. La copie précédente reste utilisée.", count);
        }
        logger.LogInformation("Copy of {List} refreshed: {Count} entries", List, count);
        return new(List, RefreshOutcome.Succeeded, Codes.Refreshed, $"Copie {CopyName} mise à jour : {count} {Unit}.", count, warnings);
    }
}
