using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Registries.Finess;

/// <summary>FINESS categories for the SIRET: 246 (ESAT) and 247 (entreprise adaptée) prove a disability structure.</summary>
public sealed class FinessSource(IFinessApi api, TimeProvider clock, ILogger<FinessSource> logger) : IRegistrySource
{
    private readonly RegistryCall _call = new(SourceNames.Finess, clock, logger);

    public string Name => SourceNames.Finess;
    public SourceRole Role => SourceRole.Complement;

    public Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken) =>
        _call.FetchAsync(siret, ct => api.FindBySiretAsync(siret.Value, ct), (page, at) => Map(page, siret, at), cancellationToken);

    private SourceFacts Map(FinessPage page, Siret siret, DateTimeOffset at)
    {
        var categories = (page.Data ?? [])
            .Where(r => r.Siret is null || r.Siret == siret.Value)
            .Where(r => !string.IsNullOrWhiteSpace(r.Categetab))
            .Select(r => new FinessCategoryFact(r.Categetab!.Trim(), r.Libcategetab?.Trim(), r.Nofinesset?.Trim()))
            .ToList();
        if (categories.Count == 0)
            return SourceFacts.NotFound(Name, at, "Aucun établissement FINESS ne porte ce SIRET.");

        var described = string.Join(", ", categories.Select(c => c.Label is null ? $"catégorie {c.Code}" : $"catégorie {c.Code} ({c.Label})"));
        var detail = categories.Count == 1
            ? $"Un établissement FINESS porte ce SIRET : {described}."
            : $"{categories.Count} établissements FINESS portent ce SIRET : {described}.";
        return new SourceFacts { Evidence = new(Name, SourceOutcome.Found, at, Detail: detail), FinessCategories = categories };
    }
}
