using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using EsusCheck.Registries.Reference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Registries.Finess;

/// <summary>FINESS categories for the SIRET: 246 (ESAT) and 247 (entreprise adaptée) prove a disability structure.</summary>
public sealed class FinessSource(
    IFinessApi api, TimeProvider clock, ILogger<FinessSource> logger, IFinessCopyStore copy, IOptions<ReferenceOptions> reference)
    : IRegistrySource
{
    private readonly RegistryCall _call = new(SourceNames.Finess, clock, logger);

    public string Name => SourceNames.Finess;
    public SourceRole Role => SourceRole.Complement;

    public async Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken) =>
        await FromCopyAsync(siret, cancellationToken) ??
        await _call.FetchAsync(siret, ct => api.FindBySiretAsync(siret.Value, ct), (page, at) => Map(page, siret, at), cancellationToken);

    /// <summary>The local copy of the ESAT and EA (Reference refresh), when there is one younger than
    /// <c>Reference:FinessCopyMaxAge</c>: what the engine reads of FINESS (categories 246 and 247), dated the day of
    /// the copy, without a call.</summary>
    private async Task<SourceFacts?> FromCopyAsync(Siret siret, CancellationToken cancellationToken)
    {
        if (await FreshCopy.FindAsync(() => copy.FindAsync(siret, cancellationToken), l => l.Copy?.CopiedAt,
                reference.Value.FinessCopyMaxAge, clock, logger, "FINESS") is not (var lookup, var copiedAt)) return null;

        const string Local = " (copie locale de la liste FINESS des ESAT et entreprises adaptées)";
        if (lookup.Establishments.Count == 0)
            return SourceFacts.NotFound(Name, copiedAt, "Aucun ESAT ni entreprise adaptée FINESS ne porte ce SIRET" + Local + ".");
        var facts = Map(new FinessPage(lookup.Establishments.Select(e => new FinessRow(e.FinessNumber, e.Siret, e.Category, e.Label)).ToList()),
            siret, copiedAt);
        return facts with { Evidence = facts.Evidence with { Detail = facts.Evidence.Detail + Local } };
    }

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
