using System.Text.Json.Serialization;

namespace EsusCheck.Functions.Http;

/// <summary>The problem body as written on the wire (<c>application/problem+json</c>).</summary>
public sealed record ProblemBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RetryAfter)
{
    public static ProblemBody Of(ApiProblem problem, string? instance) => new(
        problem.Type, problem.Title, problem.Status, problem.Detail, instance, problem.Code,
        problem.RetryAfter is { } wait ? ApiProblems.Seconds(wait) : null);
}
