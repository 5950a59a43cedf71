namespace EsusCheck.Functions.Http;

/// <summary>An RFC 9457 problem: a stable <see cref="Code"/> for programs, a French title and detail for people.</summary>
public sealed record ApiProblem(int Status, string Code, string Title, string Detail, TimeSpan? RetryAfter = null)
{
    public const string TypePrefix = "urn:esuscheck:problem:";

    /// <summary>An identifier of the problem kind, not a link (RFC 9457 allows non-resolvable type URIs).</summary>
    public string Type => TypePrefix + Code;
}
