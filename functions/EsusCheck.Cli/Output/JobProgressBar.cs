using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Processing;
using Spectre.Console;

namespace EsusCheck.Cli.Output;

/// <summary>Moves a progress bar as rows are checked, on the reporting thread (<see cref="Progress{T}"/> would post the
/// updates later, after the bar is gone). Used by the commands that run a job of the bulk pipeline.</summary>
internal sealed class JobProgressBar(ProgressTask task) : IProgress<BulkProgress>
{
    public void Report(BulkProgress value)
    {
        task.Description = BulkJobStatus.Label(value.State);
        task.MaxValue = Math.Max(1, value.RowsTotal);
        task.Value = value.RowsDone;
    }
}
