using System.ComponentModel;
using EsusCheck.Cli.Output;
using EsusCheck.Core.Telemetry;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Reference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck reference refresh</c>: renews the ESUS list (when its source is a URL), the copy of Le Marché
/// (with a token) and the copy of FINESS's ESAT and EA, as the function app's nightly timer does.</summary>
[Description("Met à jour les listes de référence locales : liste ESUS (si sa source est une adresse web), copie du Marché de l'inclusion (avec un jeton), copie des ESAT et EA de FINESS.")]
public sealed class ReferenceRefreshCommand(ReferenceRefreshService references, CliConsole console) : CliCommand<EmptyCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        var report = await references.RefreshAllAsync(cancellationToken);
        foreach (var result in report.Results)
        {
            var mark = result.Outcome switch
            {
                RefreshOutcome.Succeeded => "[green bold]mise à jour[/]",
                RefreshOutcome.Skipped => "[grey]non mise à jour[/]",
                _ => "[red bold]échec[/]",
            };
            console.Out.MarkupLine($"{Markup.Escape(ReferenceStatusCommand.Label(result.List))} : {mark} — {Markup.Escape(result.Message)}");
            foreach (var warning in result.Warnings ?? []) console.Out.MarkupLine($"  {Markup.Escape(warning)}");
        }
        return report.AnyFailed ? ExitCodes.Unavailable : ExitCodes.Ok;
    }
}

/// <summary><c>esuscheck reference status</c>: what is local, and how old.</summary>
[Description("Indique les listes de référence locales (liste ESUS, copie du Marché de l'inclusion, copie des ESAT et EA de FINESS) et leur âge.")]
public sealed class ReferenceStatusCommand(ReferenceRefreshService references, CliConsole console) : CliCommand<EmptyCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        var (marche, finess) = await references.GetCopiesAsync(cancellationToken);
        var staleness = (await references.CheckStalenessAsync(cancellationToken)).ToDictionary(s => s.List);
        var output = console.Out;
        Line(ListRefreshResult.Lists.Esus, null);
        Line(ListRefreshResult.Lists.Marche, marche is null ? null : $"{FrenchText.Number(marche.StructureCount)} structures, copiées le {FrenchText.DateAndTime(marche.CopiedAt)}");
        Line(ListRefreshResult.Lists.Finess, finess is null ? null : $"{FrenchText.Number(finess.EstablishmentCount)} établissements, copiés le {FrenchText.DateAndTime(finess.CopiedAt)}");
        return ExitCodes.Ok;

        void Line(string list, string? what)
        {
            var state = staleness.GetValueOrDefault(list);
            var mark = state is null ? "[yellow bold]absente[/]" : state.Stale ? "[red bold]périmée[/]" : "[green bold]à jour[/]";
            output.MarkupLine($"[bold]{Markup.Escape(Label(list))}[/] : {mark}");
            if (what is not null) output.MarkupLine("  " + Markup.Escape(what));
            output.MarkupLine("  " + Markup.Escape(state?.Message ?? "Aucune copie locale : le registre est interrogé SIRET par SIRET. Créez-la par : esuscheck reference refresh"));
        }
    }

    internal static string Label(string list) => list switch
    {
        ListRefreshResult.Lists.Esus => "Liste des agréments ESUS",
        ListRefreshResult.Lists.Marche => "Copie du Marché de l'inclusion",
        ListRefreshResult.Lists.Finess => "Copie des ESAT et EA de FINESS",
        _ => list,
    };
}
