namespace EsusCheck.Cli.Commands;

/// <summary>The arguments and options of one command line, checked against the command's <see cref="CommandSpec"/>.</summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string?> _options;
    private readonly IReadOnlyList<string> _arguments;

    private ParsedArguments(IReadOnlyList<string> arguments, Dictionary<string, string?> options)
    {
        _arguments = arguments;
        _options = options;
    }

    public bool HelpRequested { get; private init; }

    /// <summary>The positional argument at <paramref name="index"/>, or null when it was not given.</summary>
    public string? Argument(int index) => index < _arguments.Count ? _arguments[index] : null;

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Value(string option) => _options.GetValueOrDefault(option);

    /// <summary>Parses <paramref name="words"/> (the command line after the command's own words).</summary>
    /// <returns>The arguments, or a French error message.</returns>
    public static (ParsedArguments? Arguments, string? Error) Parse(CommandSpec spec, IReadOnlyList<string> words)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word is "-h" or "--help" or "--aide") return (new ParsedArguments([], options) { HelpRequested = true }, null);
            if (!word.StartsWith("--", StringComparison.Ordinal) || word == "--")
            {
                positional.Add(word);
                continue;
            }

            var (name, inlineValue) = word.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (word[..eq], word[(eq + 1)..]) : (word, null);
            var option = spec.Options.FirstOrDefault(o => o.Name == name);
            if (option is null) return (null, $"Option inconnue : « {name} ».");
            if (options.ContainsKey(name)) return (null, $"L'option {name} est donnée deux fois.");
            if (option.ValueName is null)
            {
                if (inlineValue is not null) return (null, $"L'option {name} ne prend pas de valeur.");
                options[name] = null;
                continue;
            }
            var value = inlineValue ?? (i + 1 < words.Count ? words[++i] : null);
            if (string.IsNullOrWhiteSpace(value)) return (null, $"L'option {name} attend une valeur ({option.ValueName}).");
            options[name] = value;
        }

        var arguments = new List<string>();
        for (var a = 0; a < spec.Arguments.Count; a++)
        {
            var argument = spec.Arguments[a];
            if (a >= positional.Count)
            {
                if (argument.Required) return (null, $"Argument manquant : {argument.Name} ({argument.Description}).");
                break;
            }
            arguments.Add(argument.TakesRest ? string.Join(' ', positional.Skip(a)) : positional[a]);
        }
        var consumed = spec.Arguments.Any(a => a.TakesRest) ? positional.Count : Math.Min(positional.Count, spec.Arguments.Count);
        if (positional.Count > consumed) return (null, $"Argument inattendu : « {positional[consumed]} ».");
        return (new ParsedArguments(arguments, options), null);
    }
}
