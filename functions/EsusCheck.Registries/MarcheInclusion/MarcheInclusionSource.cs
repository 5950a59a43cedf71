using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using EsusCheck.Registries.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Registries.MarcheInclusion;

/// <summary>Establishment-level kinds of inclusion and disability structures, with <c>is_active</c>.</summary>
public sealed class MarcheInclusionSource(
    IMarcheInclusionApi api, IOptions<MarcheInclusionOptions> options, TimeProvider clock, ILogger<MarcheInclusionSource> logger)
    : IRegistrySource
{
    private readonly RegistryCall _call = new(SourceNames.MarcheInclusion, clock, logger, MarcheInclusionOptions.TokenKey);

    public string Name => SourceNames.MarcheInclusion;
    public SourceRole Role => SourceRole.Complement;

    public Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
            return Task.FromResult(SourceFacts.NotConfigured(Name, clock.GetUtcNow(),
                $"Aucun jeton n'est configuré pour Le Marché de l'inclusion ({MarcheInclusionOptions.TokenKey}) : les types de " +
                "structures d'insertion proviennent de l'API Recherche d'entreprises (type_siae), au niveau de l'unité légale (SIREN) " +
                "et non de l'établissement."));

        return _call.FetchAsync(siret, ct => api.GetBySiretAsync(siret.Value, ct), (list, at) => Map(list, siret, at), cancellationToken);
    }

    private SourceFacts Map(List<MarcheStructure> structures, Siret siret, DateTimeOffset at)
    {
        var here = structures.Where(s => s.Siret is null || s.Siret == siret.Value).ToList();
        if (here.Count == 0)
            return SourceFacts.NotFound(Name, at, "Le Marché de l'inclusion ne recense aucune structure pour ce SIRET.");

        var kinds = new List<InclusionKindFact>();
        foreach (var structure in here)
        {
            if (RegistryValues.Kind(structure.Kind) is { } kind)
                kinds.Add(new InclusionKindFact(kind, FactLevel.Establishment, Name, structure.IsActive));
            else
                logger.LogWarning("Le Marché de l'inclusion returned an unknown kind {Kind}", structure.Kind);
        }

        var described = here.Select(s => $"{s.Kind ?? "type inconnu"}{s.IsActive switch { true => " (active)", false => " (inactive)", null => "" }}");
        var detail = here.Count == 1
            ? $"Une structure recensée pour ce SIRET : {described.Single()}."
            : $"{here.Count} structures recensées pour ce SIRET : {string.Join(", ", described)}.";
        return new SourceFacts { Evidence = new(Name, SourceOutcome.Found, at, Detail: detail), InclusionKinds = kinds.Distinct().ToList() };
    }
}
