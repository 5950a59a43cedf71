using EsusCheck.Core.Application;
using EsusCheck.Core.Rules;
using Microsoft.Extensions.Options;
using Refit;

namespace EsusCheck.Registries.Finess;

/// <summary>Reads every ESAT (246) and entreprise adaptée (247) of FINESS through the tabular API, page after page
/// (registries.md §4), with the FINESS client's pace and resilience. Any failed page fails the whole read.</summary>
public sealed class FinessListClient(IFinessApi api, IOptions<FinessOptions> options) : IFinessListSource
{
    public async Task<IReadOnlyList<FinessCopyEntry>> ReadEsatAndEaAsync(CancellationToken cancellationToken)
    {
        var categories = string.Join(',', InclusionKindRules.FinessCategories.Keys.Order(StringComparer.Ordinal));
        var rows = new List<FinessCopyEntry>();
        for (var page = 1; page <= options.Value.MaxPages; page++)
        {
            using var response = await api.ListByCategoryAsync(categories, options.Value.PageSize, page, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content is not { } content)
                throw new FinessListException(response.StatusCode is { } status && response.Error is not ApiRequestException
                    ? $"FINESS a répondu {(int)status} pour la page {page} de la liste des ESAT et EA."
                    : $"FINESS n'a pas répondu pour la page {page} de la liste des ESAT et EA.");
            foreach (var row in content.Data ?? [])
                if (row.Siret?.Replace(" ", "", StringComparison.Ordinal) is { Length: 14 } siret && siret.All(char.IsAsciiDigit) &&
                    row.Categetab?.Trim() is { Length: > 0 } category)
                    rows.Add(new FinessCopyEntry(siret, category, row.Libcategetab?.Trim(), row.Nofinesset?.Trim()));
            if (content.Links?.Next is null || content.Data is not { Count: > 0 }) return rows;
        }
        throw new FinessListException($"La liste des ESAT et EA de FINESS dépasse {options.Value.MaxPages} pages : lecture interrompue.");
    }
}
