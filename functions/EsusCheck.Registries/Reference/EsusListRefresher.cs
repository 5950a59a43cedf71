using EsusCheck.Core.Application;
using EsusCheck.Core.Telemetry;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Esus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EsusCheck.Registries.Reference.ListRefreshResult;

namespace EsusCheck.Registries.Reference;

/// <summary>Refreshes the ESUS list from <c>Esus:ListSource</c> when it is a URL, or imports a file dropped into the
/// reference container, through <see cref="EsusListImportService"/> (which replaces the list only when the new one
/// is valid). Turns its answer into a <see cref="ListRefreshResult"/>; a failure keeps the previous list.</summary>
public sealed class EsusListRefresher(
    EsusListImportService importer,
    IOptions<EsusOptions> esus,
    ILogger<EsusListRefresher> logger)
{
    public async Task<ListRefreshResult> RefreshFromUrlAsync(CancellationToken cancellationToken)
    {
        var source = esus.Value.ListSource?.Trim();
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new(Lists.Esus, RefreshOutcome.Skipped, Codes.NoUrl,
                "Esus:ListSource n'est pas une adresse web : la liste ESUS n'est pas téléchargée chaque nuit ; déposez le fichier " +
                "de la DG Trésor dans le conteneur « reference » pour la mettre à jour.");

        return await RunAsync(uri.GetLeftPart(UriPartial.Path), () => importer.ImportFromSourceAsync(cancellationToken));
    }

    /// <param name="name">The blob's name in the reference container (its extension tells XLSX from CSV; a date in it,
    /// e.g. <c>liste-esus-2025-02-01.xlsx</c>, is read as the publication date).</param>
    public Task<ListRefreshResult> ImportFileAsync(Stream content, string name, string source, CancellationToken cancellationToken) =>
        RunAsync(source, () => importer.ImportAsync(content, Path.GetFileName(name), source, publishedOn: null, cancellationToken));

    private async Task<ListRefreshResult> RunAsync(string source, Func<Task<EsusImportResult>> import)
    {
        EsusImportResult result;
        try
        {
            result = await import();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "ESUS list refresh from {Source} failed while storing the list; the previous list stays active", source);
            return new(Lists.Esus, RefreshOutcome.Failed, Codes.StoreFailed,
                "La nouvelle liste ESUS n'a pas pu être enregistrée. La liste précédente reste utilisée.");
        }

        if (result is { Succeeded: true, List: { } list })
        {
            logger.LogInformation("ESUS list refreshed from {Source}: published on {PublishedOn}, {RowCount} SIRENs",
                source, list.PublishedOn, list.RowCount);
            return new(Lists.Esus, RefreshOutcome.Succeeded, Codes.Refreshed,
                $"Liste ESUS publiée le {FrenchText.Date(list.PublishedOn)} chargée : {list.RowCount} SIREN.",
                list.RowCount, result.Warnings);
        }

        var rejection = result.Rejection ?? new EsusListRejection(Codes.Rejected, "La liste ESUS a été refusée.");
        logger.LogError("ESUS list refresh from {Source} failed ({Code}); the previous list stays active", source, rejection.Code);
        var unreachable = rejection.Code == EsusListRejection.Codes.SourceUnreachable;
        return new(Lists.Esus, RefreshOutcome.Failed, unreachable ? Codes.SourceFailed : Codes.Rejected,
            unreachable ? rejection.Message : rejection.Message + " La liste précédente reste utilisée.", Warnings: result.Warnings);
    }
}
