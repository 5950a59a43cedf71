namespace EsusCheck.Cli.Tests;

/// <summary>The command line as Spectre.Console.Cli reads it, with the usage, the errors and the exit codes in French.</summary>
public sealed class ArgumentTests : IDisposable
{
    private readonly CliRunner _cli = new();

    private const string CommandList = "Commandes : bulk, check, esus import, esus status, reference refresh, reference status, serve, spaser.";

    [Fact]
    public async Task Without_arguments_the_usage_goes_to_stderr_with_exit_code_2()
    {
        var run = (await _cli.RunAsync()).StderrHas(ExitCodes.InvalidInput, "esuscheck check <SIRET|SIREN>");

        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--aide")]
    [InlineData("aide")]
    [InlineData("help")]
    public async Task Help_lists_every_command_and_the_exit_codes(string help)
    {
        var run = (await _cli.RunAsync(help)).StdoutHas(ExitCodes.Ok,
            "esuscheck esus import [<FICHIER|URL>] [--published-on AAAA-MM-JJ]",
            "      Importe la liste nationale des agréments ESUS (XLSX ou CSV) ; sans argument, depuis Esus:ListSource.",
            "esuscheck esus status",
            "esuscheck spaser <FICHIER> [--acheteur SIRET] [--annee AAAA] [--output DOSSIER]",
            "Aide d'une commande : esuscheck COMMANDE --help",
            "3 inconnu des registres");

        Assert.StartsWith("esuscheck — ESS, agrément ESUS et marchés réservés d'un fournisseur, avec la loi applicable.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("esuscheck cli", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_help_lists_its_commands()
    {
        var run = (await _cli.RunAsync("esus", "--help")).StdoutHas(ExitCodes.Ok, "esuscheck esus import", "esuscheck esus status");

        Assert.DoesNotContain("esuscheck check", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("« verifier »", "verifier", "41816609600069")]
    [InlineData("« esus frob »", "esus", "frob")]
    [InlineData("« esus »", "esus")]
    [InlineData("« reference »", "reference")]
    [InlineData("« --version »", "--version")]
    [InlineData("« cli »", "cli", "version")]
    public async Task An_unknown_command_is_invalid_input(string typed, params string[] args)
    {
        var run = (await _cli.RunAsync(args)).StderrHas(ExitCodes.InvalidInput, CommandList, "(code : command_unknown)");

        Assert.StartsWith($"Commande inconnue : {typed}.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Option inconnue : « --siret »", "41816609600069", "--siret")]
    [InlineData("Option inconnue : « --siret »", "--siret", "41816609600069")]
    [InlineData("L'option --cpv attend une valeur (CODE)", "41816609600069", "--cpv")]
    [InlineData("L'option --cpv attend une valeur (CODE)", "41816609600069", "--cpv=")]
    [InlineData("L'option --cpv attend une valeur (CODE)", "41816609600069", "--cpv", "")]
    [InlineData("L'option --json ne prend pas de valeur", "41816609600069", "--json=oui")]
    [InlineData("L'option --json ne prend pas de valeur", "41816609600069", "--json", "true")]
    [InlineData("L'option --cpv est donnée deux fois", "41816609600069", "--cpv", "85311000-2", "--cpv", "85311000-2")]
    [InlineData("Argument inattendu : « suite »", "41816609600069", "--", "suite")]
    public async Task A_malformed_option_is_invalid_input_with_the_usage(string message, params string[] options) =>
        (await _cli.RunAsync(["check", .. options])).StderrHas(ExitCodes.InvalidInput,
            $"Arguments invalides : {message}.", "(code : arguments_invalid)", "Usage : esuscheck check <SIRET|SIREN> [--cpv CODE] [--json] [--refresh]");

    [Fact]
    public async Task Check_without_a_number_says_which_argument_is_missing() =>
        (await _cli.RunAsync("check", "--json")).StderrHas(ExitCodes.InvalidInput,
            "Argument manquant : <SIRET|SIREN> (le numéro du fournisseur ; un SIREN désigne son siège).");

    [Theory]
    [InlineData("maintenant", "esus", "status", "maintenant")]
    [InlineData("b", "esus", "import", "a", "b")]
    public async Task Words_beyond_the_arguments_are_invalid_input(string extra, params string[] args) =>
        (await _cli.RunAsync(args)).StderrHas(ExitCodes.InvalidInput, $"Argument inattendu : « {extra} »", $"Usage : esuscheck {args[0]} {args[1]}");

    [Fact]
    public async Task A_command_help_describes_its_arguments_and_options()
    {
        var run = (await _cli.RunAsync("check", "--help")).StdoutHas(ExitCodes.Ok,
            "  <SIRET|SIREN>          le numéro du fournisseur ; un SIREN désigne son siège",
            "  --cpv CODE             le code CPV du marché (par exemple 85311000-2), pour l'article L2113-15",
            "--refresh");

        Assert.StartsWith("Usage : esuscheck check <SIRET|SIREN> [--cpv CODE] [--json] [--refresh]", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", "identifier_wrong_length", "celui-ci en compte 5")]
    [InlineData("4181660960006", "identifier_leading_zero_lost", "zéro initial")]
    [InlineData("ABC", "identifier_invalid_characters", "que des chiffres")]
    public async Task An_invalid_siret_is_refused_before_any_registry_is_asked(string siret, string code, string words) =>
        (await _cli.RunAsync("check", siret)).Failed(ExitCodes.InvalidInput, "Saisie invalide : ", code).StderrHas(ExitCodes.InvalidInput, words);

    [Fact]
    public async Task An_invalid_cpv_code_is_invalid_input() =>
        (await _cli.RunAsync("check", "41816609600069", "--cpv", "8531")).StderrHas(ExitCodes.InvalidInput, "n'est pas un code CPV", "(code : cpv_invalid)");

    public void Dispose() => _cli.Dispose();
}
