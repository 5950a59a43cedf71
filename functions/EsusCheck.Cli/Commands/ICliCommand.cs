namespace EsusCheck.Cli.Commands;

/// <summary>One command of <c>esuscheck</c>. Every non-abstract implementation in this assembly is found and
/// registered by <see cref="CliApp"/>: adding a command is adding one file to this folder (constructor-injected
/// from the same services as the rest).</summary>
public interface ICliCommand
{
    CommandSpec Spec { get; }

    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    Task<int> RunAsync(ParsedArguments arguments, CancellationToken cancellationToken);
}

/// <param name="Name">The words that select the command, e.g. « check » or « esus import ».</param>
public sealed record CommandSpec(string Name, string Summary, IReadOnlyList<ArgumentSpec> Arguments, IReadOnlyList<OptionSpec> Options)
{
    public string Usage => "esuscheck " + Name
        + string.Concat(Arguments.Select(a => a.Required ? $" {a.Name}" : $" [{a.Name}]"))
        + string.Concat(Options.Select(o => o.ValueName is null ? $" [{o.Name}]" : $" [{o.Name} {o.ValueName}]"));

    public IReadOnlyList<string> Words => Name.Split(' ');
}

/// <param name="TakesRest">The argument takes every remaining word, joined by spaces (a SIRET typed with spaces).</param>
public sealed record ArgumentSpec(string Name, string Description, bool Required = true, bool TakesRest = false);

/// <param name="ValueName">Null for a flag.</param>
public sealed record OptionSpec(string Name, string? ValueName, string Description);
