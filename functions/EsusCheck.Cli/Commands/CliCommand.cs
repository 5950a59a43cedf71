using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary>One command of <c>esuscheck</c>: its settings (<typeparamref name="TSettings"/>, with <c>[CommandArgument]</c>,
/// <c>[CommandOption]</c> and <c>Validate</c>) are parsed and checked by Spectre.Console.Cli before
/// <c>ExecuteAsync</c>, which returns the exit code (<see cref="ExitCodes"/>). Commands are constructor-injected from
/// the CLI's services and listed in <see cref="CliCommands"/>.</summary>
public abstract class CliCommand<TSettings> : AsyncCommand<TSettings> where TSettings : CommandSettings
{
    private static readonly string[] OptionNames = typeof(TSettings).GetProperties()
        .SelectMany(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames ?? []).Select(n => "--" + n).ToArray();

    /// <summary>What Spectre left aside (an option the command does not have, words after « -- ») and an option given
    /// twice are mistakes, not « ignored » or « the last one wins ».</summary>
    public override ValidationResult Validate(CommandContext context, TSettings settings)
    {
        if (context.Remaining.Parsed.FirstOrDefault() is { } unknown) return UsageErrors.InvalidArguments($"Option inconnue : « {unknown.Key} ».");
        if (context.Remaining.Raw.FirstOrDefault() is { } extra) return UsageErrors.InvalidArguments($"Argument inattendu : « {extra} ».");
        return OptionNames.FirstOrDefault(name => context.Arguments.Count(a => a == name || a.StartsWith(name + "=", StringComparison.Ordinal)) > 1) is { } twice
            ? UsageErrors.InvalidArguments($"L'option {twice} est donnée deux fois.")
            : ValidationResult.Success();
    }
}
