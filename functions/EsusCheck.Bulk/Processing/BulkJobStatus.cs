using EsusCheck.Bulk.Reading;

namespace EsusCheck.Bulk.Processing;

/// <summary>What <c>GET /api/v1/bulk/{jobId}</c> answers.</summary>
public sealed record BulkJobStatus(
    string JobId,
    BulkJobState State,
    string StateLabel,
    string InputName,
    IReadOnlyList<string> AlsoUploadedAs,
    long RowsTotal,
    long RowsDone,
    long RowsInError,
    IReadOnlyList<BulkRowError> Errors,
    IReadOnlyList<string> Notes,
    BulkFileError? Error,
    BulkOutputs? Outputs,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    int PrefetchBatches,
    int PrefetchBatchesDone)
{
    public static BulkJobStatus Of(BulkJob job) => new(
        job.JobId,
        job.State,
        Label(job.State),
        job.InputName,
        job.AlsoUploadedAs,
        job.RowsTotal,
        Math.Min(job.RowsDone, job.RowsTotal),
        job.RowsInError,
        job.ErrorSample,
        job.Notes,
        job.Error,
        job.Outputs,
        job.CreatedAt,
        job.UpdatedAt,
        job.CompletedAt,
        job.PrefetchTotal,
        job.PrefetchDone.Count);

    public static string Label(BulkJobState state) => state switch
    {
        BulkJobState.Received => "reçu, en attente de traitement",
        BulkJobState.Planning => "lecture du fichier",
        BulkJobState.Processing => "vérification des fournisseurs en cours",
        BulkJobState.Finalizing => "écriture des résultats",
        BulkJobState.Completed => "terminé",
        _ => "échec",
    };
}
