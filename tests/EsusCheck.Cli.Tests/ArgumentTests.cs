namespace EsusCheck.Cli.Tests;

public sealed class ArgumentTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Without_arguments_the_usage_goes_to_stderr_with_exit_code_2()
    {
        var run = await _cli.RunAsync();

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("esuscheck check <SIRET|SIREN>", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_exit_codes()
    {
        var run = await _cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("esuscheck esus import", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("esuscheck esus status", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 inconnu des registres", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_invalid_input()
    {
        var run = await _cli.RunAsync("verifier", "41816609600069");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.StartsWith("Commande inconnue : « verifier »", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--siret", "Option inconnue : « --siret »")]
    [InlineData("--cpv", "L'option --cpv attend une valeur (CODE)")]
    [InlineData("--json=oui", "L'option --json ne prend pas de valeur")]
    public async Task A_malformed_option_is_invalid_input_with_the_usage(string option, string message)
    {
        var run = await _cli.RunAsync("check", "41816609600069", option);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage : esuscheck check", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_without_a_number_says_which_argument_is_missing()
    {
        var run = await _cli.RunAsync("check", "--json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Argument manquant : <SIRET|SIREN>", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_takes_no_argument()
    {
        var run = await _cli.RunAsync("esus", "status", "maintenant");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Argument inattendu : « maintenant »", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_help_describes_its_options()
    {
        var run = await _cli.RunAsync("check", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--cpv CODE", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--refresh", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", "identifier_wrong_length", "celui-ci en compte 5")]
    [InlineData("4181660960006", "identifier_leading_zero_lost", "zéro initial")]
    [InlineData("ABC", "identifier_invalid_characters", "que des chiffres")]
    public async Task An_invalid_siret_is_refused_before_any_registry_is_asked(string siret, string code, string words)
    {
        var run = await _cli.RunAsync("check", siret);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.StartsWith("Saisie invalide : ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(words, run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"(code : {code})", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task An_invalid_cpv_code_is_invalid_input()
    {
        var run = await _cli.RunAsync("check", "41816609600069", "--cpv", "8531");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("n'est pas un code CPV", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(code : cpv_invalid)", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
