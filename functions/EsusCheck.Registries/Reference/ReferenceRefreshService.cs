using EsusCheck.Core.Application;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Telemetry;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Reference.Finess;
using EsusCheck.Registries.Reference.Marche;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EsusCheck.Registries.Reference.ListRefreshResult;

namespace EsusCheck.Registries.Reference;

/// <summary>What the nightly timer and the reference blob trigger call: refresh each list, count the outcome, and
/// say whether what is in use is stale. Never throws for a source failure: the previous lists stay active and the
/// failure is logged as an error and counted (<c>esuscheck.reference.refreshes{outcome=failed}</c>).</summary>
public sealed class ReferenceRefreshService(
    EsusListRefresher esus,
    MarcheCopyRefresher marche,
    FinessCopyRefresher finess,
    IEsusListStore esusList,
    IMarcheCopyStore marcheCopy,
    IFinessCopyStore finessCopy,
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
            Count(await finess.RefreshAsync(cancellationToken)),
        };
        var staleness = await CheckStalenessAsync(cancellationToken);
        return new ReferenceRefreshReport(results, staleness);
    }

    /// <summary>What a run of <c>esuscheck bulk</c> does first: each copy that is missing or past its maximum age is
    /// refreshed (Le Marché's only with a token), once; fresh copies are left as they are.</summary>
    public async Task<IReadOnlyList<ListRefreshResult>> RefreshStaleCopiesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var results = new List<ListRefreshResult>();
        if (await IsStaleAsync(() => marcheCopy.GetInfoAsync(cancellationToken), i => i.CopiedAt, options.Value.MarcheCopyMaxAge, now))
            results.Add(Count(await marche.RefreshAsync(cancellationToken)));
        if (await IsStaleAsync(() => finessCopy.GetInfoAsync(cancellationToken), i => i.CopiedAt, options.Value.FinessCopyMaxAge, now))
            results.Add(Count(await finess.RefreshAsync(cancellationToken)));
        return results;
    }

    /// <summary>The copies in use, for <c>esuscheck reference status</c>: when each was made and how many entries it holds.</summary>
    public async Task<(MarcheCopyInfo? Marche, FinessCopyInfo? Finess)> GetCopiesAsync(CancellationToken cancellationToken) =>
        (await marcheCopy.GetInfoAsync(cancellationToken), await finessCopy.GetInfoAsync(cancellationToken));

    private async Task<bool> IsStaleAsync<TInfo>(Func<Task<TInfo?>> info, Func<TInfo, DateTimeOffset> copiedAt, TimeSpan maxAge, DateTimeOffset now)
        where TInfo : class
    {
        try
        {
            return await info() is not { } current || now - copiedAt(current) > maxAge;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A reference copy could not be read; refreshing it");
            return true;
        }
    }

    /// <summary>A file dropped into the reference container: the DG Trésor ESUS list (XLSX or CSV).</summary>
    public async Task<ListRefreshResult> ImportReferenceFileAsync(Stream content, string name, CancellationToken cancellationToken)
    {
        var result = Count(await esus.ImportFileAsync(content, name, $"reference/{name}", cancellationToken));
        await CheckStalenessAsync(cancellationToken);
        return result;
    }

    /// <summary>Whether the ESUS list in use is past its next due date (1 February, 1 July) and whether the Marché and
    /// FINESS copies are older than their maximum age. Each stale list is logged as a warning and counted.</summary>
    public async Task<IReadOnlyList<ListStaleness>> CheckStalenessAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var found = new List<ListStaleness>();
        try
        {
            found.Add(EsusStaleness(await esusList.GetInfoAsync(cancellationToken), today));
            if (await marcheCopy.GetInfoAsync(cancellationToken) is { } copy)
                found.Add(CopyStaleness(Lists.Marche, "du Marché de l'inclusion", copy.CopiedAt, options.Value.MarcheCopyMaxAge, now));
            if (await finessCopy.GetInfoAsync(cancellationToken) is { } finessInfo)
                found.Add(CopyStaleness(Lists.Finess, "des ESAT et EA de FINESS", finessInfo.CopiedAt, options.Value.FinessCopyMaxAge, now));
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

    private static ListStaleness EsusStaleness(Core.Facts.EsusListInfo? info, DateOnly today)
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

    private static ListStaleness CopyStaleness(string list, string copyName, DateTimeOffset copiedAt, TimeSpan maxAge, DateTimeOffset now)
    {
        var copiedOn = DateOnly.FromDateTime(copiedAt.UtcDateTime);
        var due = DateOnly.FromDateTime((copiedAt + maxAge).UtcDateTime);
        return now - copiedAt > maxAge
            ? new(list, true, $"La copie {copyName} date du {FrenchText.Date(copiedOn)} : elle n'a pas pu être renouvelée depuis.", copiedOn, due)
            : new(list, false, $"La copie {copyName} date du {FrenchText.Date(copiedOn)}.", copiedOn, due);
    }

    private ListRefreshResult Count(ListRefreshResult result)
    {
        metrics.ReferenceRefreshed(result.List, result.Outcome);
        if (result.Outcome == RefreshOutcome.Skipped)
            logger.LogInformation("Reference list {List} not refreshed: {Code}", result.List, result.Code);
        return result;
    }
}
