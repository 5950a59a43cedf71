using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using EsusCheck.Bulk.Processing;
using EsusCheck.Chat;
using EsusCheck.Core.Reports;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace EsusCheck.Functions.Tests;

/// <summary>The document's schemas are written by hand because they are the contract a buyer's connector shows (French
/// descriptions, connector summaries, patterns, documented enums). They must still say what the records serialise:
/// each is compared with the schema <see cref="JsonSchemaExporter"/> derives from its C# record under the contract's
/// JSON options, property by property (both ways), through every nested object and array, and enum by enum.</summary>
public sealed class OpenApiSchemaDerivationTests
{
    private static readonly JsonSerializerOptions Contract = new(ReportJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>Every component that restates a record. <c>BatchRequest</c> is not here: its wire shape (<c>sirets</c>) is
    /// read by hand (<see cref="BatchRequestReader"/>) to explain each malformed input, so the schema is the only statement.</summary>
    public static TheoryData<string, Type> Records() => new()
    {
        { "EligibilityReport", typeof(EligibilityReport) },
        { "BatchResponse", typeof(BatchResponse) },
        { "HistoryResponse", typeof(HistoryResponse) },
        { "ReferenceResponse", typeof(ReferenceResponse) },
        { "HealthResponse", typeof(HealthResponse) },
        { "Problem", typeof(ProblemBody) },
        { "ChatRequest", typeof(ChatRequest) },
        { "ChatAnswer", typeof(ChatAnswer) },
        { "BulkJob", typeof(BulkJobStatus) },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void The_hand_written_schema_says_what_the_record_serialises(string component, Type record)
    {
        var derived = JsonSchemaExporter.GetJsonSchemaAsNode(Contract, record);
        var differences = new List<string>();

        Compare(OpenApiDocuments.Component(component), derived, component, differences, []);

        Assert.Empty(differences);
    }

    /// <summary>The comparison reaches nested records, arrays and enums, and sees a difference when there is one (so that
    /// the test above can fail).</summary>
    [Fact]
    public void The_comparison_reaches_nested_records_arrays_and_enums()
    {
        var differences = new List<string>();
        var enums = new List<string>();

        Compare(OpenApiDocuments.Component("EligibilityReport"), JsonSchemaExporter.GetJsonSchemaAsNode(Contract, typeof(EligibilityReport)),
            "EligibilityReport", differences, enums);

        Assert.Empty(differences);
        Assert.Contains("EligibilityReport.ess.status", enums);
        Assert.Contains("EligibilityReport.reservedContracts[].article", enums);
        Assert.Contains("EligibilityReport.esus.byRightCategory", enums);
        Assert.Contains("EligibilityReport.inclusionKinds[]", enums);
    }

    [Fact]
    public void A_record_that_differs_from_its_schema_is_reported()
    {
        var differences = new List<string>();

        Compare(OpenApiDocuments.Component("HealthResponse"), JsonSchemaExporter.GetJsonSchemaAsNode(Contract, typeof(ProblemBody)), "x", differences, []);

        Assert.NotEmpty(differences);
    }

    private static void Compare(OpenApiSchema written, JsonNode? derived, string path, List<string> differences, List<string> enums)
    {
        written = Resolve(written);
        if (derived is not JsonObject node) return; // true / {}: any JSON (an Adaptive Card), nothing to compare
        if (node["properties"] is JsonObject properties)
        {
            var names = properties.Select(p => p.Key).ToHashSet();
            foreach (var missing in names.Except(written.Properties.Keys)) differences.Add($"{path}.{missing}: serialised, not in the schema");
            foreach (var extra in written.Properties.Keys.Except(names)) differences.Add($"{path}.{extra}: in the schema, not serialised");
            foreach (var (name, value) in properties)
                if (written.Properties.TryGetValue(name, out var property)) Compare(property, value, $"{path}.{name}", differences, enums);
        }
        if (node["items"] is { } items)
        {
            if (written.Items is null) differences.Add($"{path}: an array, not in the schema");
            else Compare(written.Items, items, $"{path}[]", differences, enums);
        }
        if (node["additionalProperties"] is JsonObject mapValues && written.AdditionalProperties is { } writtenMapValues)
            Compare(writtenMapValues, mapValues, $"{path}{{}}", differences, enums);
        if (node["enum"] is JsonArray derivedEnum)
        {
            enums.Add(path);
            var serialised = derivedEnum.OfType<JsonValue>().Select(v => v.ToString()).Order().ToList();
            var documented = written.Enum.OfType<OpenApiString>().Select(v => v.Value).Order().ToList();
            if (!serialised.SequenceEqual(documented))
                differences.Add($"{path}: enum [{string.Join(", ", documented)}] written, [{string.Join(", ", serialised)}] serialised");
        }
    }

    private static OpenApiSchema Resolve(OpenApiSchema schema) =>
        schema.Reference is { Id: { } id } && schema.Properties.Count == 0 && schema.Type is null ? OpenApiDocuments.Component(id) : schema;
}
