using System.ComponentModel;
using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Cli.Output;
using EsusCheck.Registries.Esus;
using EsusCheck.Registries.Reference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck bulk FICHIER [--output DOSSIER]</c>: annotates a supplier file (CSV or XLSX) in-process, with
/// the same pipeline as the blob-dropped files of the function app, and writes the results beside it.</summary>
[Description("Vérifie tous les fournisseurs d'un fichier CSV ou XLSX et calcule les totaux du SPASER.")]
public sealed class BulkCommand(LocalBulkRunner runner, EsusListImportService esusList, ReferenceRefreshService references, CliConsole console)
    : CliCommand<BulkCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FICHIER>"), Description("la liste des fournisseurs, telle qu'exportée (CSV ; , ou tabulation, ou classeur XLSX)")]
        public string Input { get; set; } = "";

        [CommandOption("--output <DOSSIER>"), Description("le dossier des résultats (par défaut : « <fichier>-resultats » à côté du fichier)")]
        public string? Output { get; set; }

        public override ValidationResult Validate() => InputFile.MustExist(Input);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var input = settings.Input;
        var output = settings.Output ??
                     Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, OutputNames.BaseName(input) + "-resultats");
        if (OutputFolderProblem(output) is { } problem)
        {
            console.WriteError("Dossier de résultats impossible", problem.Message, problem.Code);
            return ExitCodes.InvalidInput;
        }
        TemporaryFile.RemoveStale();

        if (await esusList.EnsureLoadedAsync(cancellationToken) is { Rejection: { } rejection })
            console.WriteError("Liste ESUS non chargée", rejection.Message, rejection.Code);

        // Once per run: the Marché copy (with a token) and the FINESS copy, when missing or stale, so that the checks
        // read them instead of asking per SIRET.
        foreach (var result in await references.RefreshStaleCopiesAsync(cancellationToken))
            if (result.Outcome == Core.Telemetry.RefreshOutcome.Failed)
                console.WriteError("Copie locale non mise à jour", result.Message, result.Code);

        var run = await JobConsole.RunWithProgressAsync(console,
            progress => runner.RunAsync(input, output, progress, cancellationToken), r => r.Job);
        var summary = run.Summary;
        if (run.Job.State != BulkJobState.Completed) return JobConsole.Refused(console, run.Job, summary?.Error, output);

        var write = console.Out;
        write.MarkupLine($"[green bold]Fichier traité[/] : {Markup.Escape(string.Join(" ", summary?.Highlights.Take(2) ?? []))}");
        write.MarkupLine("Résultats :");
        foreach (var file in new[] { run.Job.Outputs?.Csv, run.Job.Outputs?.Xlsx, run.Job.Outputs?.Summary }.OfType<BulkOutputLink>())
            write.MarkupLine($"  {Markup.Escape(file.Url ?? file.Name)}");
        write.MarkupLine("Totaux SPASER :");
        foreach (var line in summary?.Highlights.Skip(2) ?? []) write.MarkupLine($"  - {Markup.Escape(line)}");
        if (summary?.Notes.Count > 0)
        {
            write.MarkupLine("Remarques :");
            foreach (var note in summary.Notes) write.MarkupLine($"  - {Markup.Escape(note)}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>Checked before any lookup: a run of hours must not end on a folder it cannot write.</summary>
    private static (string Code, string Message)? OutputFolderProblem(string output)
    {
        if (File.Exists(output)) return ("output_not_a_folder", $"« {output} » est un fichier, pas un dossier : indiquez un dossier avec --output.");
        try
        {
            Directory.CreateDirectory(output);
            var probe = Path.Combine(output, $".esuscheck-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ("output_not_writable", $"le dossier « {output} » ne peut pas être créé ni écrit (droits, disque plein, ou un fichier " +
                                           "porte déjà ce nom sur le chemin) : indiquez un autre dossier avec --output.");
        }
    }
}
