using EsusCheck.Cli.Output;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace EsusCheck.Cli.Commands;

/// <summary>What « esuscheck esus » alone runs (the default of a group), and the hidden « cli » (see
/// <see cref="CliCommands"/>): neither is a command.</summary>
internal sealed class IncompleteCommand(ICommandModel model, CliConsole console) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken) =>
        UsageErrors.WriteUnknownCommand(console, model, context.Arguments.Take(2));
}
