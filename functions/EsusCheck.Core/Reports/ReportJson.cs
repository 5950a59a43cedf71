using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EsusCheck.Core.Reports;

/// <summary>The one JSON configuration of the public contract: camelCase, enums as their documented strings,
/// nulls written (a null <c>byRightCategory</c> is part of the contract), accents unescaped.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = Create(writeIndented: false);

    public static readonly JsonSerializerOptions Indented = Create(writeIndented: true);

    public static JsonSerializerOptions Create(bool writeIndented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = writeIndented,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // No naming policy: each enum of the contract spells its values with [JsonStringEnumMemberName].
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(EligibilityReport report, bool indented = false) =>
        JsonSerializer.Serialize(report, indented ? Indented : Options);

    public static EligibilityReport? Deserialize(string json) => JsonSerializer.Deserialize<EligibilityReport>(json, Options);
}
