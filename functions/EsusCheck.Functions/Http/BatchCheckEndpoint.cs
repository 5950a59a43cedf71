namespace EsusCheck.Functions.Http;

/// <summary><c>POST /v1/eligibility</c>: reads the batch, refuses it whole only when the request itself is wrong
/// (malformed, too large, bad CPV), otherwise answers every input.</summary>
public sealed class BatchCheckEndpoint(BatchChecker checker)
{
    public async Task<ApiResponse> CheckAsync(Stream body, string? clientId, string instance, CancellationToken cancellationToken)
    {
        var (batch, problem) = await BatchRequestReader.ReadAsync(body, cancellationToken);
        if (problem is not null) return ApiResponse.Problem(problem, instance);
        return ApiResponse.Ok(await checker.CheckAsync(batch!, clientId, cancellationToken));
    }
}
