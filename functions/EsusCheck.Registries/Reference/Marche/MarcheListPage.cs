using System.Text.Json;
using System.Text.Json.Serialization;

namespace EsusCheck.Registries.Reference.Marche;

/// <summary><c>GET /api/siae/?limit=&amp;offset=</c>: <c>{count, next, previous, results}</c> (registries.md §2).</summary>
internal sealed record MarcheListPage(int Count, string? Next, string? Previous, IReadOnlyList<MarcheSiae>? Results)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

/// <summary>The fields of one structure the copy keeps (the API sends more: sectors, address, …).</summary>
internal sealed record MarcheSiae(
    long Id,
    string? Name,
    string? Brand,
    string? Siret,
    string? Kind,
    bool? IsActive,
    string? Department,
    DateTimeOffset? UpdatedAt);
