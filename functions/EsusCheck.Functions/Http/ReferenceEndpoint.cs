using System.Globalization;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Reference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary><c>GET /v1/reference</c>: each source and reference list, its date, freshness policy, configuration state
/// (whether a key is set, never its value) and the health this instance observed. Reads only local state: no
/// registry is called.</summary>
public sealed class ReferenceEndpoint(
    IEsusListStore esusList,
    IMarcheCopyStore marcheCopy,
    IOptions<ReferenceOptions> referenceOptions,
    IEnumerable<IRegistrySource> registered,
    IConfiguration configuration,
    ISourceFreshness freshness,
    SourceHealthMonitor health,
    TimeProvider clock,
    ILogger<ReferenceEndpoint> logger)
{
    public async Task<ApiResponse> DescribeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lists = new List<ReferenceList>
        {
            await EsusListAsync(DateOnly.FromDateTime(now.UtcDateTime), cancellationToken),
            await MarcheCopyAsync(now, cancellationToken),
        };
        lists.AddRange(ReferenceCatalog.RuleTables.Select(t => new ReferenceList(
            t.Id, t.Name, t.Description, "built_in", RulesVersion.Current, null, null, t.Count, null, null, null,
            ReferenceCatalog.RuleTablesFreshness)));

        var registeredNames = registered.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var sources = ReferenceCatalog.Sources.Select(s => new ReferenceSource(
            s.Id, DisplayName(s.Id), s.Description, ReferenceCatalog.RoleName(s.Role), registeredNames.Contains(s.Id),
            ConfigurationState(s.SecretKey), FreshnessPolicy(s.Id), health.For(s.Id))).ToList();

        return ApiResponse.Ok(new ReferenceResponse(RulesVersion.Current, now, lists, sources));
    }

    private async Task<ReferenceList> EsusListAsync(DateOnly today, CancellationToken cancellationToken)
    {
        const string id = SourceNames.EsusList;
        var name = DisplayName(id);
        EsusListInfo? info;
        try
        {
            info = await esusList.GetInfoAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Checks say the same (EsusLookup.Unreadable): the list exists but its store does not answer now.
            logger.LogError(ex, "ESUS list info could not be read");
            return Unknown("unreadable");
        }
        if (info is null) return Unknown("missing");
        var stale = EsusListRules.IsStale(info.PublishedOn, today);
        return new(id, name, ReferenceCatalog.EsusListDescription, stale ? "stale" : "loaded",
            info.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), info.PublishedOn, info.ImportedAt, info.RowCount,
            info.Source, stale, EsusListRules.NextDueDate(info.PublishedOn), ReferenceCatalog.EsusListFreshness);

        ReferenceList Unknown(string state) => new(id, name, ReferenceCatalog.EsusListDescription, state, null, null, null, null, null,
            null, null, ReferenceCatalog.EsusListFreshness);
    }

    private async Task<ReferenceList> MarcheCopyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var maxAge = referenceOptions.Value.MarcheCopyMaxAge;
        MarcheCopyInfo? copy;
        try
        {
            copy = await marcheCopy.GetInfoAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Marché copy info could not be read");
            copy = null;
        }
        var name = "Copie locale du Marché de l'inclusion";
        if (copy is null)
            return new(ReferenceCatalog.MarcheCopyId, name, ReferenceCatalog.MarcheCopyDescription, "missing", null, null, null, null,
                null, null, null, ReferenceCatalog.MarcheCopyFreshness(maxAge));
        var stale = now - copy.CopiedAt > maxAge;
        return new(ReferenceCatalog.MarcheCopyId, name, ReferenceCatalog.MarcheCopyDescription, stale ? "stale" : "loaded",
            copy.CopiedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, copy.CopiedAt, copy.StructureCount, copy.Source,
            stale, null, ReferenceCatalog.MarcheCopyFreshness(maxAge));
    }

    /// <summary>The display names are written to sit inside a sentence (« l'API Recherche d'entreprises »); a name
    /// shown on its own starts with a capital.</summary>
    private static string DisplayName(string source)
    {
        var name = SourceDisplayNames.For(source);
        return string.Concat(name[..1].ToUpperInvariant(), name[1..]);
    }

    private string ConfigurationState(string? secretKey) =>
        secretKey is null ? "not_required"
        : string.IsNullOrWhiteSpace(configuration[secretKey]) ? "not_configured"
        : "configured";

    private string FreshnessPolicy(string source) => freshness.FreshnessOf(source, found: true) is { } fresh
        ? $"Réponses conservées en cache pendant {Duration(fresh)}{NotFound(source, fresh)}, puis redemandées ; refresh=true force " +
          "une nouvelle demande. Si la source ne répond pas, la dernière réponse connue est servie, marquée « stale » avec sa date."
        : "Aucun cache : chaque vérification interroge la source.";

    private string NotFound(string source, TimeSpan found) =>
        freshness.FreshnessOf(source, found: false) is { } unknown && unknown != found ? $" (une réponse « inconnu » : {Duration(unknown)})" : "";

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Plural((int)span.TotalDays, "jour")
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Plural((int)span.TotalHours, "heure")
        : Plural((int)Math.Ceiling(span.TotalMinutes), "minute");

    private static string Plural(int count, string unit) => $"{count} {unit}{(count > 1 ? "s" : "")}";
}
