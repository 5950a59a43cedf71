using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EsusCheck.Core.Wording;

namespace EsusCheck.Registries.Esus;

/// <summary>Loads the DG Trésor ESUS list from <c>Esus:ListSource</c> (a URL or a file path) or from a file a person
/// gives, and replaces the loaded list only when the new one is valid.</summary>
public sealed class EsusListImportService(
    IEsusListStore store,
    IHttpClientFactory httpClients,
    IOptions<EsusOptions> esusOptions,
    IOptions<EsusImportOptions> importOptions,
    TimeProvider clock,
    ILogger<EsusListImportService> logger)
{
    public const string HttpClientName = "esus-list";

    private readonly SemaphoreSlim _firstLoad = new(1, 1);

    /// <summary>Imports from <c>Esus:ListSource</c>.</summary>
    public async Task<EsusImportResult> ImportFromSourceAsync(CancellationToken cancellationToken = default)
    {
        var source = esusOptions.Value.ListSource?.Trim();
        if (string.IsNullOrEmpty(source))
            return EsusImportResult.Rejected(new(EsusListRejection.Codes.SourceNotConfigured,
                "Aucune source de liste ESUS n'est configurée (clé Esus:ListSource) : importez un fichier."));

        return await ImportFromAsync(source, publishedOn: null, cancellationToken);
    }

    /// <summary>Imports from an https URL or a file path.</summary>
    public async Task<EsusImportResult> ImportFromAsync(string source, DateOnly? publishedOn = null, CancellationToken cancellationToken = default) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? await ImportFromUrlAsync(uri, publishedOn, cancellationToken)
            : await ImportFileAsync(source, publishedOn, cancellationToken);

    /// <summary>Imports a file from disk (XLSX or CSV).</summary>
    public async Task<EsusImportResult> ImportFileAsync(string path, DateOnly? publishedOn = null, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            return EsusImportResult.Rejected(new(EsusListRejection.Codes.SourceNotFound, $"Le fichier « {path} » est introuvable."));
        await using var stream = File.OpenRead(fullPath);
        return await ImportAsync(stream, Path.GetFileName(fullPath), fullPath, publishedOn, cancellationToken);
    }

    /// <summary>Imports a file given as a stream (upload, blob). <paramref name="source"/> is what the list info will
    /// say it came from; <paramref name="publishedOn"/>, when given, wins over the date the file states.</summary>
    public async Task<EsusImportResult> ImportAsync(
        Stream content, string fileName, string? source = null, DateOnly? publishedOn = null, CancellationToken cancellationToken = default)
    {
        var parse = await EsusListReader.ReadAsync(content, fileName, importOptions.Value, cancellationToken);
        if (parse.Rejection is { } rejection)
        {
            logger.LogWarning("ESUS list {FileName} refused: {Code}", fileName, rejection.Code);
            return EsusImportResult.Rejected(rejection, parse.SkippedRows);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var warnings = new List<string>(parse.Warnings);
        var published = PublicationDate(publishedOn, parse.StatedPublishedOn, esusOptions.Value.PublishedOn, today, warnings);
        if (EsusListRules.IsStale(published, today))
            warnings.Add($"Cette liste, publiée le {FrenchText.Date(published)}, n'est plus à jour : une nouvelle liste était attendue au " +
                         $"{FrenchText.Date(EsusListRules.NextDueDate(published))}. Cherchez la dernière édition sur le site de la DG Trésor.");

        var info = new EsusListInfo(published, parse.Entries.Count, now, source ?? fileName);
        await store.ReplaceAsync(info, parse.Entries, cancellationToken);
        logger.LogInformation("ESUS list published on {PublishedOn} imported: {RowCount} entries, {Skipped} rows skipped",
            published, info.RowCount, parse.SkippedRows.Count);
        return new EsusImportResult { List = info, SkippedRows = parse.SkippedRows, Warnings = warnings };
    }

    /// <summary>Imports from <c>Esus:ListSource</c> once, when it is configured and no list is loaded yet; null when
    /// there was nothing to do.</summary>
    public async Task<EsusImportResult?> EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(esusOptions.Value.ListSource)) return null;
        if (await store.GetInfoAsync(cancellationToken) is not null) return null;
        await _firstLoad.WaitAsync(cancellationToken);
        try
        {
            if (await store.GetInfoAsync(cancellationToken) is not null) return null;
            return await ImportFromSourceAsync(cancellationToken);
        }
        finally
        {
            _firstLoad.Release();
        }
    }

    private async Task<EsusImportResult> ImportFromUrlAsync(Uri uri, DateOnly? publishedOn, CancellationToken cancellationToken)
    {
        // The list is public; plain http is tolerated only for a local mirror (and test stubs).
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            return EsusImportResult.Rejected(new(EsusListRejection.Codes.InsecureSource,
                $"La source de la liste ESUS doit être une adresse https : « {uri.GetLeftPart(UriPartial.Path)} » ne l'est pas."));

        var display = uri.GetLeftPart(UriPartial.Path);
        var limits = importOptions.Value;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limits.DownloadTimeout);
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return Unreachable(display, $"le serveur a répondu {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > limits.MaxFileBytes)
                return EsusImportResult.Rejected(EsusListRejection.FileTooLarge(limits.MaxFileBytes));

            var fileName = response.Content.Headers.ContentDisposition?.FileNameStar
                           ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                           ?? Uri.UnescapeDataString(uri.Segments[^1]);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await ImportAsync(body, fileName, display, publishedOn, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("ESUS list download from {Source} failed: {Error}", display, ex.Message);
            return Unreachable(display, "le serveur ne répond pas");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(display, $"le téléchargement a dépassé {limits.DownloadTimeout.TotalSeconds:0} secondes");
        }
    }

    private static EsusImportResult Unreachable(string source, string why) => EsusImportResult.Rejected(new(
        EsusListRejection.Codes.SourceUnreachable,
        $"La liste ESUS n'a pas pu être téléchargée depuis « {source} » : {why}. La liste déjà chargée est conservée."));

    /// <summary>Given date, else the date the file states, else <c>Esus:PublishedOn</c>, else today (said plainly: the
    /// staleness of the list then cannot be judged).</summary>
    private static DateOnly PublicationDate(DateOnly? given, DateOnly? stated, DateOnly? configured, DateOnly today, List<string> warnings)
    {
        if (given is { } explicitDate) return explicitDate;
        if (stated is { } fromFile && fromFile > today)
        {
            warnings.Add($"Le fichier indique une date future ({FrenchText.Date(fromFile)}) : elle est ignorée.");
            stated = null;
        }
        if (stated is { } s)
        {
            if (configured is { } c && c != s)
                warnings.Add($"Le fichier indique une publication le {FrenchText.Date(s)}, différente de la date configurée " +
                             $"(Esus:PublishedOn = {c:yyyy-MM-dd}) : la date du fichier est retenue.");
            return s;
        }
        if (configured is { } fromConfiguration) return fromConfiguration;
        warnings.Add($"Ni le fichier ni la configuration (Esus:PublishedOn) n'indiquent la date de publication de la liste : la date " +
                     $"d'import ({FrenchText.Date(today)}) est retenue, si bien qu'une liste ancienne paraîtra à jour. Précisez la date de publication.");
        return today;
    }
}
