using System.Net;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Registries.Sirene;

/// <summary>INSEE's multi-SIRET search (registries.md §3, as the Annuaire des Entreprises runs it): <c>POST /siret</c>
/// with <c>q=siret:(A OR B …)</c>, up to <see cref="SireneOptions.BatchSize"/> SIRETs a call, only the fields the
/// engine reads. Each establishment goes through <see cref="SireneMapping.Facts"/>, as a single lookup's does. The calls
/// go through the same client, so they spend the same quota as single lookups.</summary>
public sealed class SireneBatchSource(
    ISireneApi api, IOptions<SireneOptions> options, TimeProvider clock, ILogger<SireneBatchSource> logger) : IBatchRegistrySource
{
    /// <summary>The variables <see cref="SireneMapping"/> reads; INSEE keeps the answer's structure.</summary>
    public const string Fields =
        "siret,statutDiffusionEtablissement,etablissementSiege," +
        "etatAdministratifUniteLegale,statutDiffusionUniteLegale,dateCreationUniteLegale,categorieJuridiqueUniteLegale," +
        "denominationUniteLegale,nomUniteLegale,prenomUsuelUniteLegale,activitePrincipaleUniteLegale,nicSiegeUniteLegale," +
        "economieSocialeSolidaireUniteLegale," +
        "numeroVoieEtablissement,indiceRepetitionEtablissement,typeVoieEtablissement,libelleVoieEtablissement," +
        "codePostalEtablissement,libelleCommuneEtablissement," +
        "dateFin,dateDebut,etatAdministratifEtablissement,activitePrincipaleEtablissement";

    private readonly RegistryCall _call = new(SourceNames.Sirene, clock, logger, SireneOptions.ApiKeyKey);

    public string Name => SourceNames.Sirene;
    public bool IsConfigured => options.Value.IsConfigured;
    public int BatchSize => Math.Max(1, options.Value.BatchSize);

    public async Task<BatchAnswer> FetchManyAsync(IReadOnlyList<Siret> sirets, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Siret, SourceFacts>();
        var calls = 0;
        SourceFacts? failure = null;
        var pending = new Queue<IReadOnlyList<Siret>>(sirets.Distinct().Chunk(BatchSize));
        while (pending.TryDequeue(out var batch))
        {
            var at = clock.GetUtcNow();
            calls++;
            var answer = await _call.SendAsync($"batch of {batch.Count}", ct => api.SearchEstablishmentsAsync(Form(batch), ct), cancellationToken);
            switch (answer)
            {
                case { Content: { } content }:
                    var wanted = batch.ToDictionary(s => s.Value);
                    foreach (var establishment in content.Etablissements ?? (content.Etablissement is { } one ? [one] : []))
                        if (establishment.Siret is { } siret && wanted.TryGetValue(siret, out var asked))
                            found[asked] = SireneMapping.Facts(establishment, asked, at);
                    break;
                case { Status: HttpStatusCode.NotFound }:
                    break; // none of the batch is known: each takes the per-SIRET path
                case { Status: HttpStatusCode.RequestUriTooLong } when batch.Count > 1:
                    logger.LogInformation("INSEE refused a batch of {Count} SIRETs as too long (414): halving it", batch.Count);
                    var half = batch.Count / 2;
                    pending.Enqueue(batch.Take(half).ToList());
                    pending.Enqueue(batch.Skip(half).ToList());
                    break;
                default:
                    failure = SourceFacts.Unavailable(Name, at, answer.Failure?.Detail ?? "La réponse du registre est illisible (format inattendu).",
                        answer.Failure?.RetryAfter, answer.Failure?.Busy ?? false);
                    break;
            }
        }
        return new BatchAnswer(found, calls, failure);
    }

    private static Dictionary<string, string> Form(IReadOnlyList<Siret> batch) => new()
    {
        ["q"] = $"siret:({string.Join(" OR ", batch.Select(s => s.Value))})",
        ["nombre"] = batch.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["champs"] = Fields,
    };
}
