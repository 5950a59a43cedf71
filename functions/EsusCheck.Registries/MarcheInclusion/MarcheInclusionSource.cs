using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using EsusCheck.Registries.Mapping;
using EsusCheck.Registries.Reference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Registries.MarcheInclusion;

/// <summary>Establishment-level kinds of inclusion and disability structures, with <c>is_active</c>.</summary>
public sealed class MarcheInclusionSource(
    IMarcheInclusionApi api, IOptions<MarcheInclusionOptions> options, TimeProvider clock, ILogger<MarcheInclusionSource> logger,
    IMarcheCopyStore copy, IOptions<ReferenceOptions> reference)
    : IRegistrySource
{
    private readonly RegistryCall _call = new(SourceNames.MarcheInclusion, clock, logger, MarcheInclusionOptions.TokenKey);

    public string Name => SourceNames.MarcheInclusion;
    public SourceRole Role => SourceRole.Complement;

    public async Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
            return SourceFacts.NotConfigured(Name, clock.GetUtcNow(),
                $"Aucun jeton n'est configuré pour Le Marché de l'inclusion ({MarcheInclusionOptions.TokenKey}) : les types de " +
                "structures d'insertion proviennent de l'API Recherche d'entreprises (type_siae), au niveau de l'unité légale (SIREN) " +
                "et non de l'établissement.");

        if (await FromCopyAsync(siret, cancellationToken) is { } local) return local;
        return await _call.FetchAsync(siret, ct => api.GetBySiretAsync(siret.Value, ct), (list, at) => Map(list, siret, at), cancellationToken);
    }

    /// <summary>The nightly copy of the whole list (Reference refresh), when there is one younger than
    /// <c>Reference:MarcheCopyMaxAge</c>: the same answer as the API, dated the day of the copy, without a call.</summary>
    private async Task<SourceFacts?> FromCopyAsync(Siret siret, CancellationToken cancellationToken)
    {
        if (await FreshCopy.FindAsync(() => copy.FindAsync(siret, cancellationToken), l => l.Copy?.CopiedAt,
                reference.Value.MarcheCopyMaxAge, clock, logger, "Marché") is not (var lookup, var copiedAt)) return null;

        var facts = Map(lookup.Structures.Select(s => new MarcheStructure((int)s.Id, s.Name, s.Siret, s.Kind.ToString(), null, s.IsActive)).ToList(),
            siret, copiedAt);
        return facts with { Evidence = facts.Evidence with { Detail = facts.Evidence.Detail + " (copie locale de la liste du Marché de l'inclusion)" } };
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
