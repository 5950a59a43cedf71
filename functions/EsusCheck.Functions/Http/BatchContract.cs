using System.Text.Json.Serialization;
using EsusCheck.Core.Reports;

namespace EsusCheck.Functions.Http;

/// <summary>The answer to <c>POST /v1/eligibility</c>: one result per input, in the order of the inputs.</summary>
public sealed record BatchResponse(int Count, IReadOnlyList<BatchItem> Results);

/// <summary>One input and its report, or the reason there is none. Exactly one of <see cref="Report"/> and
/// <see cref="Error"/> is written.</summary>
public sealed record BatchItem(
    string? Input,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EligibilityReport? Report,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BatchItemError? Error);

/// <summary>Why one input has no report: the same code, title and detail the single check would answer, with the
/// HTTP status it would have had.</summary>
public sealed record BatchItemError(string Code, string Title, string Detail, int Status);
