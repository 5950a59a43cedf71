using System.Net.Http.Headers;
using System.Net.Http.Json;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Registries.MarcheInclusion;
using Microsoft.Extensions.Options;

namespace EsusCheck.Registries.Reference.Marche;

/// <summary>Reads Le Marché de l'inclusion's whole list, page after page (<c>/api/siae/?limit=100&amp;offset=</c>, Bearer
/// token). Any failed page fails the whole read: a partial list is never handed on.</summary>
public sealed class MarcheListClient(IHttpClientFactory httpClients, IOptions<MarcheInclusionOptions> options)
{
    public const string HttpClientName = "marche-copy";

    public async Task<MarcheListRead> ReadAllAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured) throw new InvalidOperationException("No Marché token is configured.");
        var baseUri = new Uri(settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/");
        var http = httpClients.CreateClient(HttpClientName);

        var byId = new Dictionary<long, MarcheCopyEntry>();
        var skipped = 0;
        int? declared = null;
        for (var page = 0; page < settings.MaxPages; page++)
        {
            var offset = page * settings.PageSize;
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, $"api/siae/?limit={settings.PageSize}&offset={offset}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new MarcheListException($"Le Marché de l'inclusion a répondu {(int)response.StatusCode} pour la page {page + 1} de sa liste.",
                    (int)response.StatusCode);

            var body = await response.Content.ReadFromJsonAsync<MarcheListPage>(MarcheListPage.Json, cancellationToken)
                       ?? throw new MarcheListException($"La page {page + 1} de la liste du Marché de l'inclusion est vide.");
            declared ??= body.Count;
            foreach (var siae in body.Results ?? [])
            {
                if (ToStructure(siae) is { } structure) byId[structure.Id] = structure;
                else skipped++;
            }
            if (body.Next is null || body.Results is not { Count: > 0 }) return new MarcheListRead(byId.Values.ToList(), declared.Value, skipped);
        }
        throw new MarcheListException($"La liste du Marché de l'inclusion dépasse {settings.MaxPages} pages : lecture interrompue.");
    }

    /// <summary>A structure without a usable SIRET or with a kind the rules do not know cannot serve a lookup.</summary>
    private static MarcheCopyEntry? ToStructure(MarcheSiae siae)
    {
        var siret = siae.Siret?.Replace(" ", "", StringComparison.Ordinal);
        if (siret is not { Length: 14 } || !siret.All(char.IsAsciiDigit)) return null;
        if (!Enum.TryParse<InclusionKind>(siae.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return null;
        return new MarcheCopyEntry(siae.Id, siret, kind, siae.Brand ?? siae.Name, siae.IsActive ?? true, siae.Department, siae.UpdatedAt);
    }
}

/// <summary>The whole list as read: the usable structures, the count the API declared and how many were skipped.</summary>
public sealed record MarcheListRead(IReadOnlyList<MarcheCopyEntry> Structures, int DeclaredCount, int Skipped);

/// <summary>The list could not be read whole. The message is French (it reaches the refresh report) and free of the token.</summary>
public sealed class MarcheListException(string message, int? statusCode = null) : Exception(message)
{
    public int? StatusCode { get; } = statusCode;
}
