using System.Collections.Concurrent;
using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary>Checks a batch: each distinct number once (two spellings of one SIRET are one check), a few at a time,
/// and gives every input its own result, in the order sent. A failure of one check never fails the batch.</summary>
public sealed class BatchChecker(ObservedChecks checks, IOptions<HttpApiOptions> options, ILogger<BatchChecker> logger)
{
    public async Task<BatchResponse> CheckAsync(BatchRequest batch, string? clientId, CancellationToken cancellationToken)
    {
        var keys = batch.Inputs.Select(KeyOf).ToList();
        var firstInputOfKey = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) firstInputOfKey.TryAdd(keys[i], batch.Inputs[i]);

        var outcomes = new ConcurrentDictionary<string, BatchItem>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(firstInputOfKey,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.BatchConcurrency), CancellationToken = cancellationToken },
            async (entry, token) => outcomes[entry.Key] = await CheckOneAsync(entry.Value, batch.Cpv, clientId, token));

        var results = batch.Inputs.Select((input, i) => outcomes[keys[i]] with { Input = input }).ToList();
        return new BatchResponse(results.Count, results);
    }

    /// <summary>The normalised number when the input reads as a SIRET or SIREN (even with a wrong key), else the input
    /// itself: an unreadable input is still answered, with the parser's reason.</summary>
    public static string KeyOf(string? input) =>
        IdentifierParser.ParseSirenOrSiret(input).Value is { } identifier ? identifier.ToString() : "input:" + input;

    private async Task<BatchItem> CheckOneAsync(string? input, string? cpv, string? clientId, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await checks.CheckAsync(new CheckRequest(input, cpv, Refresh: false, clientId), cancellationToken);
            return outcome.Report is { } report
                ? new BatchItem(input, report, null)
                : new BatchItem(input, null, ErrorOf(ApiProblems.From(outcome.Failure!)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Batch check failed for input {InputHash}", LogPrivacy.Hash(input ?? ""));
            return new BatchItem(input, null, ErrorOf(ApiProblems.InternalError));
        }
    }

    private static BatchItemError ErrorOf(ApiProblem problem) => new(problem.Code, problem.Title, problem.Detail, problem.Status);
}
