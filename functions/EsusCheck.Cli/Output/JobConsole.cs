using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using Spectre.Console;

namespace EsusCheck.Cli.Output;

/// <summary>How the commands that run a job of the bulk pipeline (<c>bulk</c>, <c>spaser</c>) show it: a progress bar
/// while it runs, and the reason when the file was refused.</summary>
internal static class JobConsole
{
    public static async Task<T> RunWithProgressAsync<T>(CliConsole console, Func<IProgress<BulkProgress>, Task<T>> run, Func<T, BulkJob> jobOf)
    {
        T result = default!;
        await console.Out.Progress().AutoClear(false).Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Lecture du fichier", maxValue: 1);
                result = await run(new JobProgressBar(context, task));
                task.Description = BulkJobStatus.Label(jobOf(result).State);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>The file was refused: why, where the detail is; the exit code.</summary>
    public static int Refused(CliConsole console, BulkJob job, BulkFileError? summaryError, string outputDirectory)
    {
        var error = job.Error ?? summaryError;
        console.WriteError("Fichier refusé", error?.Message ?? "le fichier n'a pas pu être traité.", error?.Code);
        console.Error.WriteLine($"Détail : {Path.Combine(outputDirectory, OutputNames.Summary)}");
        return ExitCodes.InvalidInput;
    }

    /// <summary>Moves the bar as rows are checked, on the reporting thread (<see cref="Progress{T}"/> would post the
    /// updates later, after the bar is gone).</summary>
    private sealed class JobProgressBar(ProgressContext context, ProgressTask task) : IProgress<BulkProgress>
    {
        private ProgressTask? _prefetch;

        public void Report(BulkProgress value)
        {
            // The batched INSEE prefetch has its own line, in SIRETs, above the rows.
            if (value.PrefetchTotal > 0)
            {
                _prefetch ??= context.AddTaskBefore("Interrogation groupée de l'INSEE", task);
                _prefetch.MaxValue = value.PrefetchTotal;
                _prefetch.Value = value.PrefetchDone;
            }
            task.Description = BulkJobStatus.Label(value.State);
            task.MaxValue = Math.Max(1, value.RowsTotal);
            task.Value = value.RowsDone;
        }
    }
}
