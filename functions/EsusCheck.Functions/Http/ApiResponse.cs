using System.Text.Json;
using EsusCheck.Core.Reports;

namespace EsusCheck.Functions.Http;

/// <summary>What an endpoint answers, free of any HTTP framework type: status, serialised body, headers. Bodies are
/// serialised with <see cref="ReportJson.Options"/>, the one JSON configuration of the public contract.</summary>
public sealed record ApiResponse(int Status, string? Content, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A file streamed as it is (a bulk result), instead of <see cref="Content"/>; the response disposes it.</summary>
    public Stream? File { get; init; }

    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    private static readonly IReadOnlyDictionary<string, string> NoStore = new Dictionary<string, string> { ["Cache-Control"] = "no-store" };

    public static ApiResponse Ok<T>(T body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(200, JsonSerializer.Serialize(body, ReportJson.Options), Json, headers ?? NoStore);

    public static ApiResponse RawJson(string json, IReadOnlyDictionary<string, string> headers) => new(200, json, Json, headers);

    /// <summary>A download: never cached by a shared cache, saved under <paramref name="fileName"/> by a browser.</summary>
    public static ApiResponse Download(Stream content, string contentType, string fileName) =>
        new(200, null, contentType, new Dictionary<string, string>
        {
            ["Cache-Control"] = "private, no-cache",
            ["Content-Disposition"] = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString(),
        }) { File = content };

    public static ApiResponse NotModified(IReadOnlyDictionary<string, string> headers) => new(304, null, null, headers);

    public static ApiResponse Problem(ApiProblem problem, string? instance)
    {
        var headers = new Dictionary<string, string>(NoStore);
        if (problem.RetryAfter is { } wait) headers["Retry-After"] = ApiProblems.Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new(problem.Status, JsonSerializer.Serialize(ProblemBody.Of(problem, instance), ReportJson.Options), ProblemJson, headers);
    }
}
