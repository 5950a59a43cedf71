using System.Text.Json;
using EsusCheck.Core.Reports;

namespace EsusCheck.Functions.Http;

/// <summary>What an endpoint answers, free of any HTTP framework type: status, serialised body, headers. Bodies are
/// serialised with <see cref="ReportJson.Options"/>, the one JSON configuration of the public contract. JSON answers
/// are built here, problems in <c>ProblemResponses.cs</c>, downloads in <c>DownloadResponses.cs</c>.</summary>
public sealed partial record ApiResponse(int Status, string? Content, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A file streamed as it is (a bulk result), instead of <see cref="Content"/>; the response disposes it.</summary>
    public Stream? File { get; init; }

    public const string Json = "application/json; charset=utf-8";

    private static readonly IReadOnlyDictionary<string, string> NoStore = new Dictionary<string, string> { ["Cache-Control"] = "no-store" };

    public static ApiResponse Ok<T>(T body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(200, JsonSerializer.Serialize(body, ReportJson.Options), Json, headers ?? NoStore);

    public static ApiResponse RawJson(string json, IReadOnlyDictionary<string, string> headers) => new(200, json, Json, headers);

    public static ApiResponse NotModified(IReadOnlyDictionary<string, string> headers) => new(304, null, null, headers);
}
