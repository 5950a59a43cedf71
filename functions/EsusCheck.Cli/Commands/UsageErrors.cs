using System.Text.RegularExpressions;
using EsusCheck.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace EsusCheck.Cli.Commands;

/// <summary>A command line that Spectre.Console.Cli refused, told in French, with the exit code of invalid input.
/// Spectre says what went wrong only in English sentences: each one this version (pinned in Directory.Packages.props)
/// writes is matched here and tested in ArgumentTests, and any other reads as « la ligne de commande n'est pas
/// comprise » — never Spectre's English.</summary>
internal static class UsageErrors
{
    private const string ArgumentsInvalid = "arguments_invalid";

    /// <summary>A refusal from a command's own validation (settings <c>Validate</c>), already in the error format.</summary>
    public static ValidationResult Invalid(string title, string detail, string code) =>
        ValidationResult.Error(CliConsole.ErrorLine(title, detail, code));

    public static ValidationResult InvalidArguments(string detail) => Invalid("Arguments invalides", detail, ArgumentsInvalid);

    /// <summary>Whether Spectre refused the command line (not a command that could not be built: that is a bug).</summary>
    public static bool IsUsageError(CommandRuntimeException error) =>
        error is CommandParseException && !error.Message.StartsWith("Could not create", StringComparison.Ordinal)
        || OwnLine.IsMatch(error.Message) || MissingArgument.IsMatch(error.Message);

    /// <returns><see cref="ExitCodes.InvalidInput"/>.</returns>
    public static int Write(CommandRuntimeException error, IReadOnlyList<string> args, ICommandModel model, CliConsole console)
    {
        var (reached, consumed) = Walk(model, args);
        var leaf = reached is { IsBranch: false } ? reached : null;
        if (OwnLine.Match(error.Message) is { Success: true } own)
        {
            console.Error.WriteLine(error.Message);
            if (own.Groups["code"].Value == ArgumentsInvalid && leaf is not null) WriteUsage(console, leaf);
            return ExitCodes.InvalidInput;
        }

        if (UnknownCommand.Match(error.Message) is { Success: true } unknown && leaf is null)
            return WriteUnknownCommand(console, model, args.Take(consumed + 1).DefaultIfEmpty(unknown.Groups["word"].Value));
        if (UnexpectedOption.IsMatch(error.Message))
            return WriteUnknownCommand(console, model, args.Take(1));

        var detail = (leaf is null ? null : UnknownOptionOf(leaf, args)) ?? Translate(error.Message, args, leaf) ?? "la ligne de commande n'est pas comprise.";
        console.WriteError("Arguments invalides", detail, ArgumentsInvalid);
        if (leaf is not null) WriteUsage(console, leaf);
        return ExitCodes.InvalidInput;
    }

    /// <summary>« esuscheck esus » or « esuscheck esus frob »: a group without one of its commands, or a wrong one.</summary>
    public static int WriteUnknownCommand(CliConsole console, ICommandModel model, IEnumerable<string> typed)
    {
        console.WriteError("Commande inconnue", $"« {string.Join(' ', typed)} ». Commandes : " +
                                                string.Join(", ", FrenchHelpProvider.Leaves(model).Select(FrenchHelpProvider.FullName)) + ".",
            "command_unknown");
        return ExitCodes.InvalidInput;
    }

    /// <summary>Spectre sets an unknown option aside (<see cref="CliCommand{TSettings}"/> refuses it) but reports first a
    /// missing argument or another error the option caused (« check --siret 418… » takes the number as its value): the
    /// option is the mistake to tell.</summary>
    private static string? UnknownOptionOf(ICommandInfo leaf, IReadOnlyList<string> args)
    {
        var known = FrenchHelpProvider.Options(leaf).SelectMany(o => o.LongNames.Select(n => "--" + n).Concat(o.ShortNames.Select(n => "-" + n)))
            .Concat(["-h", "--help", "-?"]).ToHashSet(StringComparer.Ordinal);
        return args.TakeWhile(a => a != "--").Where(a => a.Length > 1 && a[0] == '-').Select(a => a.Split('=')[0]).FirstOrDefault(a => !known.Contains(a))
            is { } unknown ? $"Option inconnue : « {unknown} »." : null;
    }

    private static string? Translate(string message, IReadOnlyList<string> args, ICommandInfo? leaf)
    {
        if (UnknownCommand.Match(message) is { Success: true } extra) return $"Argument inattendu : « {extra.Groups["word"].Value} ».";
        if (UnmatchedArgument.Match(message) is { Success: true } unmatched) return $"Argument inattendu : « {unmatched.Groups["word"].Value} ».";
        if (leaf is null) return null;
        if (OptionWithoutValue.Match(message) is { Success: true } empty &&
            FrenchHelpProvider.Options(leaf).FirstOrDefault(o => o.LongNames.Contains(empty.Groups["name"].Value.TrimStart('-'))) is { } valued)
            return $"L'option {FrenchHelpProvider.LongName(valued)} attend une valeur ({valued.ValueName}).";
        if (OptionValueExpected.IsMatch(message) &&
            FrenchHelpProvider.Options(leaf).FirstOrDefault(o => args.Contains(FrenchHelpProvider.LongName(o) + "=")) is { } emptied)
            return $"L'option {FrenchHelpProvider.LongName(emptied)} attend une valeur ({emptied.ValueName}).";
        if (FlagWithValue.IsMatch(message) &&
            FrenchHelpProvider.Options(leaf).FirstOrDefault(o => o.IsFlag && args.Any(a => a.StartsWith(FrenchHelpProvider.LongName(o) + "=", StringComparison.Ordinal))) is { } flag)
            return $"L'option {FrenchHelpProvider.LongName(flag)} ne prend pas de valeur.";
        if (MissingArgument.Match(message) is { Success: true } missing &&
            FrenchHelpProvider.Arguments(leaf).FirstOrDefault(a => a.Value == missing.Groups["name"].Value) is { } argument)
            return $"Argument manquant : <{argument.Value}> ({argument.Description}).";
        return null;
    }

    /// <summary>The deepest command of esuscheck the first words name, and how many words that took.</summary>
    private static (ICommandInfo? Command, int Consumed) Walk(ICommandModel model, IReadOnlyList<string> args)
    {
        ICommandContainer container = model;
        ICommandInfo? reached = null;
        var consumed = 0;
        while (consumed < args.Count && container.Commands.FirstOrDefault(c => c.Name == args[consumed] && !c.IsHidden) is { } next)
        {
            container = reached = next;
            consumed++;
        }
        return (reached, consumed);
    }

    private static void WriteUsage(CliConsole console, ICommandInfo leaf) => console.Error.WriteLine("Usage : " + FrenchHelpProvider.Usage(leaf));

    /// <summary>A line of <see cref="Invalid"/>, which Spectre hands back as the message of its exception.</summary>
    private static readonly Regex OwnLine = new(@" \(code : (?<code>[a-z0-9_]+)\)$");

    // The sentences of Spectre.Console.Cli 0.57.2 (English only).
    private static readonly Regex UnknownCommand = new(@"^Unknown command '(?<word>.*)'\.$");
    private static readonly Regex UnexpectedOption = new(@"^Unexpected option '(?<name>.*)'\.$");
    private static readonly Regex UnmatchedArgument = new(@"^Could not match '(?<word>.*)' with an argument\.$");
    private static readonly Regex OptionWithoutValue = new(@"^Option '(?<name>.*)' is defined but no value has been provided\.$");
    private static readonly Regex OptionValueExpected = new(@"^Expected an option value\.$");
    private static readonly Regex FlagWithValue = new(@"^Flags cannot be assigned a value\.$");
    private static readonly Regex MissingArgument = new(@"is missing required argument '(?<name>.*)'\.$");
}
