using System.Text.Json.Serialization;
using EsusCheck.Registries.Http;

namespace EsusCheck.Registries.Finess;

// The tabular API envelope {"data":[...],"links":{...},"meta":{...}} and the FINESS fields EsusCheck reads
// (registries.md §4). Column types are inferred by data.gouv: codes may come as numbers.

public sealed record FinessPage(IReadOnlyList<FinessRow>? Data, FinessLinks? Links = null, FinessMeta? Meta = null);

public sealed record FinessLinks(string? Next);

public sealed record FinessMeta(int? Total);

public sealed record FinessRow(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Nofinesset,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Siret,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Categetab,
    string? Libcategetab);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FinessPage))]
public sealed partial class FinessJson : JsonSerializerContext;
