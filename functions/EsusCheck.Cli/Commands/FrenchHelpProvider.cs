using System.Text;
using Spectre.Console;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace EsusCheck.Cli.Commands;

/// <summary>The usage text, in French (Spectre's own help is English), generated from the commands as Spectre
/// modelled them: their <c>[Description]</c>, <c>[CommandArgument]</c> and <c>[CommandOption]</c>.</summary>
internal sealed class FrenchHelpProvider : IHelpProvider
{
    public IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command) =>
        [new Text(command is { IsBranch: false } ? ForCommand(command) : General(command ?? (ICommandContainer)model))];

    /// <summary>Every command under <paramref name="container"/> (the whole tool, or one group such as « esus »).</summary>
    public static string General(ICommandContainer container)
    {
        var text = new StringBuilder();
        text.AppendLine("esuscheck — ESS, agrément ESUS et marchés réservés d'un fournisseur, avec la loi applicable.");
        text.AppendLine();
        text.AppendLine("Commandes :");
        foreach (var command in Leaves(container))
        {
            text.AppendLine($"  {Usage(command)}");
            text.AppendLine($"      {command.Description}");
        }
        text.AppendLine();
        text.AppendLine("Aide d'une commande : esuscheck COMMANDE --help");
        text.AppendLine("Codes de sortie : 0 rapport produit, 2 saisie invalide, 3 inconnu des registres, 4 registres indisponibles, 1 erreur inattendue.");
        return text.ToString();
    }

    public static string ForCommand(ICommandInfo command)
    {
        var text = new StringBuilder();
        text.AppendLine("Usage : " + Usage(command));
        text.AppendLine();
        text.AppendLine(command.Description);
        var arguments = Arguments(command).ToList();
        if (arguments.Count > 0)
        {
            text.AppendLine();
            foreach (var argument in arguments) text.AppendLine($"  {$"<{argument.Value}>",-22} {argument.Description}");
        }
        var options = Options(command).ToList();
        if (options.Count > 0)
        {
            text.AppendLine();
            foreach (var option in options) text.AppendLine($"  {OptionWithValue(option),-22} {option.Description}");
        }
        return text.ToString();
    }

    /// <summary>« esuscheck check &lt;SIRET|SIREN&gt; [--cpv CODE] [--json] [--refresh] ».</summary>
    public static string Usage(ICommandInfo command) =>
        "esuscheck " + FullName(command)
        + string.Concat(Arguments(command).Select(a => a.IsRequired ? $" <{a.Value}>" : $" [<{a.Value}>]"))
        + string.Concat(Options(command).Select(o => $" [{OptionWithValue(o)}]"));

    /// <summary>The words that select the command, e.g. « esus import ».</summary>
    public static string FullName(ICommandInfo command) =>
        command.Parent is { } group ? $"{FullName(group)} {command.Name}" : command.Name;

    /// <summary>The commands that run (not groups, not Spectre's hidden ones), by name.</summary>
    public static IEnumerable<ICommandInfo> Leaves(ICommandContainer container) => container.Commands
        .Where(c => !c.IsHidden && !c.IsDefaultCommand)
        .SelectMany(c => c.IsBranch ? Leaves(c) : [c])
        .OrderBy(FullName, StringComparer.Ordinal);

    public static IEnumerable<ICommandArgument> Arguments(ICommandInfo command) =>
        command.Parameters.OfType<ICommandArgument>().Where(a => !a.IsHidden).OrderBy(a => a.Position);

    public static IEnumerable<ICommandOption> Options(ICommandInfo command) =>
        command.Parameters.OfType<ICommandOption>().Where(o => !o.IsHidden);

    public static string LongName(ICommandOption option) => "--" + option.LongNames[0];

    private static string OptionWithValue(ICommandOption option) =>
        option.IsFlag ? LongName(option) : $"{LongName(option)} {option.ValueName}";
}
