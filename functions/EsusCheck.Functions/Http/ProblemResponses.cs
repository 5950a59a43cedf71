using System.Globalization;
using System.Text.Json;
using EsusCheck.Core.Reports;

namespace EsusCheck.Functions.Http;

/// <summary>An <see cref="ApiProblem"/> as an answer: <c>application/problem+json</c>, never stored, with <c>Retry-After</c>
/// when the problem says when to come back.</summary>
public sealed partial record ApiResponse
{
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    public static ApiResponse Problem(ApiProblem problem, string? instance)
    {
        var headers = new Dictionary<string, string>(NoStore);
        if (problem.RetryAfter is { } wait) headers["Retry-After"] = ApiProblems.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        return new(problem.Status, JsonSerializer.Serialize(ProblemBody.Of(problem, instance), ReportJson.Options), ProblemJson, headers);
    }
}
