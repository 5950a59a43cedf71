using EsusCheck.Core.Application;
using EsusCheck.Core.Engine;
using EsusCheck.Core.Reference.Marche;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EsusCheck.Core.Reference.ListRefreshResult;

namespace EsusCheck.Core.Reference;

/// <summary>What the nightly timer and the reference blob trigger call: refresh each list, count the outcome, and
/// say whether what is in use is stale. Never throws for a source failure: the previous lists stay active and the
/// failure is logged as an error and counted (<c>esuscheck.reference.refreshes{outcome=failed}</c>).</summary>
public sealed class ReferenceRefreshService(
    EsusListRefresher esus,
    MarcheCopyRefresher marche,
    IEsusListStore esusList,
    IMarcheCopyStore marcheCopy,
    IOptions<ReferenceOptions> options,
    EsusCheckMetrics metrics,
    TimeProvider clock,
    ILogger<ReferenceRefreshService> logger)
{
    public async Task<ReferenceRefreshReport> RefreshAllAsync(CancellationToken cancellationToken)
    {
        var results = new[]
        {
            Count(await esus.RefreshFromUrlAsync(cancellationToken)),
            Count(await marche.RefreshAsync(cancellationToken)),
        };
        var staleness = await CheckStalenessAsync(cancellationToken);
        return new ReferenceRefreshReport(results, staleness);
    }

    /// <summary>A file dropped into the reference container: the DG Trésor ESUS list (XLSX or CSV).</summary>
    public async Task<ListRefreshResult> ImportReferenceFileAsync(Stream content, string name, CancellationToken cancellationToken)
    {
        var result = Count(await esus.ImportFileAsync(content, name, $"reference/{name}", cancellationToken));
        await CheckStalenessAsync(cancellationToken);
        return result;
    }

    /// <summary>Whether the ESUS list in use is past its next due date (1 February, 1 July) and whether the Marché copy
    /// is older than <see cref="ReferenceOptions.MarcheCopyMaxAge"/>. Each stale list is logged as a warning and counted.</summary>
    public async Task<IReadOnlyList<ListStaleness>> CheckStalenessAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var found = new List<ListStaleness>();
        try
        {
            found.Add(EsusStaleness(await esusList.GetInfoAsync(cancellationToken), today));
            if (await marcheCopy.GetInfoAsync(cancellationToken) is { } copy) found.Add(MarcheStaleness(copy, now));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage unreachable: the refresh results stand; staleness is judged again at the next run.
            logger.LogError(ex, "Staleness of the reference lists could not be checked: their information could not be read");
            return found;
        }

        foreach (var stale in found.Where(s => s.Stale))
        {
            metrics.ReferenceStale(stale.List);
            logger.LogWarning("Reference list {List} is stale: published or copied on {PublishedOn}, due on {DueOn}",
                stale.List, stale.PublishedOn, stale.DueOn);
        }
        return found;
    }

    private static ListStaleness EsusStaleness(Facts.EsusListInfo? info, DateOnly today)
    {
        if (info is null)
            return new(Lists.Esus, true, "Aucune liste ESUS n'est chargée : l'agrément ESUS ne peut pas être vérifié.");
        var due = EsusListRules.NextDueDate(info.PublishedOn);
        return EsusListRules.IsStale(info.PublishedOn, today)
            ? new(Lists.Esus, true,
                $"La liste ESUS en service, publiée le {FrenchText.Date(info.PublishedOn)}, n'est plus à jour : une nouvelle liste était attendue au {FrenchText.Date(due)}.",
                info.PublishedOn, due)
            : new(Lists.Esus, false,
                $"La liste ESUS en service a été publiée le {FrenchText.Date(info.PublishedOn)} ; la suivante est attendue au {FrenchText.Date(due)}.",
                info.PublishedOn, due);
    }

    private ListStaleness MarcheStaleness(MarcheCopyInfo copy, DateTimeOffset now)
    {
        var copiedOn = DateOnly.FromDateTime(copy.CopiedAt.UtcDateTime);
        var due = DateOnly.FromDateTime((copy.CopiedAt + options.Value.MarcheCopyMaxAge).UtcDateTime);
        return now - copy.CopiedAt > options.Value.MarcheCopyMaxAge
            ? new(Lists.Marche, true,
                $"La copie du Marché de l'inclusion date du {FrenchText.Date(copiedOn)} : elle n'a pas pu être renouvelée depuis.", copiedOn, due)
            : new(Lists.Marche, false, $"La copie du Marché de l'inclusion date du {FrenchText.Date(copiedOn)}.", copiedOn, due);
    }

    private ListRefreshResult Count(ListRefreshResult result)
    {
        metrics.ReferenceRefreshed(result.List, result.Outcome);
        if (result.Outcome == RefreshOutcome.Skipped)
            logger.LogInformation("Reference list {List} not refreshed: {Code}", result.List, result.Code);
        return result;
    }
}
