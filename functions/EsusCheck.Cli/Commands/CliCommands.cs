using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary>Every command of <c>esuscheck</c> and how the command line is read: adding a command is one class in this
/// folder and one line here.</summary>
internal static class CliCommands
{
    public static void Configure(IConfigurator config, IAnsiConsole helpConsole)
    {
        config.SetApplicationName("esuscheck");
        config.ConfigureConsole(helpConsole);
        config.SetHelpProvider(new FrenchHelpProvider());
        // Errors come back to CliApp, which tells them in French with the exit code of invalid input.
        config.PropagateExceptions();
        config.CaseSensitivity(CaseSensitivity.All);
        // Parsing stays relaxed (Spectre's default): strict parsing retries a failed line with the groups' default command
        // inserted anywhere (« check 418… --cpv » would take it as the CPV code). CliCommand refuses unknown options.

        config.AddCommand<BulkCommand>("bulk");
        config.AddCommand<CheckCommand>("check");
        config.AddBranch("esus", esus =>
        {
            esus.SetDefaultCommand<IncompleteCommand>();
            esus.AddCommand<EsusImportCommand>("import");
            esus.AddCommand<EsusStatusCommand>("status");
        });
        config.AddBranch("reference", reference =>
        {
            reference.SetDefaultCommand<IncompleteCommand>();
            reference.AddCommand<ReferenceRefreshCommand>("refresh");
            reference.AddCommand<ReferenceStatusCommand>("status");
        });
        config.AddCommand<ServeCommand>("serve");
        config.AddCommand<SpaserCommand>("spaser");

        // Spectre.Console.Cli adds a hidden group of English diagnostics named « cli » (which « --help-dump-opencli »
        // runs): found first, this hidden command keeps « cli » an unknown command of esuscheck.
        config.AddCommand<IncompleteCommand>("cli").IsHidden();
    }
}
