using System.Text.Json.Serialization;

namespace EsusCheck.Registries.MarcheInclusion;

// The fields EsusCheck reads from GET /api/siae/siret/{siret}/ (registries.md §2); every other field is ignored.

public sealed record MarcheStructure(int? Id, string? Name, string? Siret, string? Kind, string? KindParent, bool? IsActive);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<MarcheStructure>))]
public sealed partial class MarcheInclusionJson : JsonSerializerContext;
