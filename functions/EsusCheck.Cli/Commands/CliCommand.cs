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
    private static readonly (PropertyInfo Property, string Name, string? ValueName)[] Options = typeof(TSettings).GetProperties()
        .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
        .Where(o => o.Option is not null)
        .Select(o => (o.Property, "--" + o.Option!.LongNames[0], o.Option.ValueName))
        .ToArray();

    /// <summary>What Spectre lets through but esuscheck refuses: an option the command does not have or words after
    /// « -- » (set aside by Spectre), an option given twice (« the last one wins »), an empty value, and a flag followed
    /// by « true » or « false » (taken as its value by Spectre).</summary>
    public override ValidationResult Validate(CommandContext context, TSettings settings)
    {
        if (context.Remaining.Parsed.FirstOrDefault() is { } unknown) return UsageErrors.InvalidArguments($"Option inconnue : « {unknown.Key} ».");
        if (context.Remaining.Raw.FirstOrDefault() is { } extra) return UsageErrors.InvalidArguments($"Argument inattendu : « {extra} ».");
        var words = context.Arguments;
        foreach (var (property, name, valueName) in Options)
        {
            if (words.Count(w => w == name || w.StartsWith(name + "=", StringComparison.Ordinal)) > 1)
                return UsageErrors.InvalidArguments($"L'option {name} est donnée deux fois.");
            if (valueName is not null && property.GetValue(settings) is string value && string.IsNullOrWhiteSpace(value))
                return UsageErrors.InvalidArguments($"L'option {name} attend une valeur ({valueName}).");
            if (valueName is null && words.Select((w, i) => w == name && i + 1 < words.Count && bool.TryParse(words[i + 1], out _)).Any(b => b))
                return UsageErrors.InvalidArguments($"L'option {name} ne prend pas de valeur.");
        }
        return ValidationResult.Success();
    }
}
