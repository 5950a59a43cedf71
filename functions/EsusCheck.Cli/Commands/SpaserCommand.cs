using System.ComponentModel;
using System.Globalization;
using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Processing;
using EsusCheck.Cli.Output;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Esus;
using EsusCheck.Spaser.InProcess;
using EsusCheck.Spaser.Processing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck spaser FICHIER [--acheteur SIRET] [--annee AAAA] [--output DOSSIER]</c>: the SPASER indicators
/// of a DECP file (JSON, XML or consolidated CSV), in-process, with the same pipeline as the function app.</summary>
[Description("Calcule les indicateurs du SPASER à partir des données essentielles (DECP) d'un acheteur.")]
public sealed class SpaserCommand(LocalSpaserRunner runner, EsusListImportService esusList, CliConsole console)
    : CliCommand<SpaserCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FICHIER>"), Description("les DECP : JSON ou XML (format de l'arrêté du 22 décembre 2022) ou CSV des DECP consolidées")]
        public string Input { get; set; } = "";

        [CommandOption("--acheteur <SIRET>"), Description("ne retenir que les marchés de cet acheteur (SIRET de « acheteur.id »)")]
        public string? Buyer { get; set; }

        [CommandOption("--annee <AAAA>"), Description("ne retenir que les marchés notifiés cette année-là")]
        public string? Year { get; set; }

        [CommandOption("--output <DOSSIER>"), Description("le dossier des résultats (par défaut : « <fichier>-spaser » à côté du fichier)")]
        public string? Output { get; set; }

        /// <summary>The buyer's SIRET, normalised by <see cref="Validate"/>.</summary>
        public string? BuyerSiret { get; private set; }

        public int? NotifiedYear { get; private set; }

        public override ValidationResult Validate()
        {
            if (InputFile.MustExist(Input) is { Successful: false } missing) return missing;
            if (Buyer is not null)
            {
                var parsed = IdentifierParser.ParseSiret(Buyer);
                if (parsed.Value is not { } siret) return UsageErrors.Invalid("SIRET de l'acheteur invalide", parsed.Error!.Message, parsed.Error.Code);
                BuyerSiret = siret.Value;
            }
            if (Year is not null)
            {
                if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
                    return UsageErrors.Invalid("Année invalide", $"« {Year} » n'est pas une année (quatre chiffres, par exemple 2024).", "year_invalid");
                NotifiedYear = year;
            }
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var input = settings.Input;
        var output = settings.Output ??
                     Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, Bulk.Output.OutputNames.BaseName(input) + "-spaser");

        if (await esusList.EnsureLoadedAsync(cancellationToken) is { Rejection: { } rejection })
            console.WriteError("Liste ESUS non chargée", rejection.Message, rejection.Code);

        var run = await JobConsole.RunWithProgressAsync(console,
            progress => runner.RunAsync(input, new SpaserFilter(settings.BuyerSiret, settings.NotifiedYear), output, progress, cancellationToken), r => r.Job);
        var summary = run.Summary;
        if (run.Job.State != BulkJobState.Completed) return JobConsole.Refused(console, run.Job, summary?.Error, output);

        var write = console.Out;
        write.MarkupLine("[green bold]Indicateurs SPASER calculés[/]");
        foreach (var line in summary?.Highlights ?? []) write.MarkupLine($"  - {Markup.Escape(line)}");
        write.MarkupLine("Résultats :");
        foreach (var file in new[] { run.Job.Outputs?.Report, run.Job.Outputs?.Xlsx, run.Job.Outputs?.Csv, run.Job.Outputs?.Summary }.OfType<BulkOutputLink>())
            write.MarkupLine($"  {Markup.Escape(file.Url ?? file.Name)}");
        if (summary?.Notes.Count > 0)
        {
            write.MarkupLine("Remarques :");
            foreach (var note in summary.Notes) write.MarkupLine($"  - {Markup.Escape(note)}");
        }
        return ExitCodes.Ok;
    }
}
