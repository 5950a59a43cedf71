using System.ComponentModel;
using System.Text.Json;
using EsusCheck.Cli.Output;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck esus status [--json]</c>: which ESUS list is loaded and whether a newer one is due.</summary>
[Description("Indique la liste ESUS chargée : date de publication, nombre d'agréments, date d'import, source, fraîcheur.")]
public sealed class EsusStatusCommand(IEsusListStore store, IOptions<EsusOptions> esusOptions, TimeProvider clock, CliConsole console)
    : CliCommand<EsusStatusCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--json"), Description("écrit l'état en JSON")]
        public bool Json { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var info = await store.GetInfoAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        if (settings.Json)
        {
            var status = info is null ? null : new
            {
                info.PublishedOn,
                info.RowCount,
                info.ImportedAt,
                info.Source,
                Stale = EsusListRules.IsStale(info.PublishedOn, today),
                NextDueOn = EsusListRules.NextDueDate(info.PublishedOn),
            };
            console.RawOut.WriteLine(JsonSerializer.Serialize(new { loaded = info is not null, list = status }, ReportJson.Indented));
            return ExitCodes.Ok;
        }

        var output = console.Out;
        if (info is null)
        {
            output.MarkupLine("[yellow bold]Aucune liste ESUS n'est chargée[/] : l'agrément ESUS ne peut pas être vérifié.");
            output.MarkupLine(Markup.Escape(string.IsNullOrWhiteSpace(esusOptions.Value.ListSource)
                ? "  Importez la liste de la DG Trésor : esuscheck esus import FICHIER.xlsx"
                : $"  La source configurée ({esusOptions.Value.ListSource}) sera chargée au premier contrôle, ou maintenant par : esuscheck esus import"));
            return ExitCodes.Ok;
        }

        var next = EsusListRules.NextDueDate(info.PublishedOn);
        output.MarkupLine("[bold]Liste nationale des agréments ESUS[/]");
        output.MarkupLine(Markup.Escape($"  Publication : {FrenchText.Date(info.PublishedOn)}"));
        output.MarkupLine(Markup.Escape($"  Agréments : {FrenchText.Number(info.RowCount)}"));
        output.MarkupLine(Markup.Escape($"  Importée le : {FrenchText.DateAndTime(info.ImportedAt)}"));
        output.MarkupLine(Markup.Escape($"  Source : {info.Source}"));
        output.MarkupLine(EsusListRules.IsStale(info.PublishedOn, today)
            ? $"  État : [red bold]périmée[/]{Markup.Escape($" : une nouvelle liste était attendue au {FrenchText.Date(next)}. Importez la dernière édition.")}"
            : $"  État : [green bold]à jour[/]{Markup.Escape($" (prochaine édition attendue au {FrenchText.Date(next)})")}");
        return ExitCodes.Ok;
    }
}
