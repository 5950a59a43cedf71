using Spectre.Console;

namespace EsusCheck.Cli.Output;

/// <summary>Where a command writes: <see cref="Out"/> for what the person reads (colour only when stdout is a terminal
/// that supports it, and never with NO_COLOR), <see cref="RawOut"/> for machine output (JSON) and <see cref="Error"/>
/// for errors and notes, so that <c>--json</c> output stays clean.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter stdout, TextWriter stderr)
    {
        RawOut = stdout;
        Error = stderr;
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        Out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        // A file or a pipe has no width: one line per sentence, never a Légifrance link cut at 80 columns.
        if (!terminal) Out.Profile.Width = NoWrapWidth;
    }

    private const int NoWrapWidth = 10_000;

    public IAnsiConsole Out { get; }

    public TextWriter RawOut { get; }

    public TextWriter Error { get; }

    /// <summary>An error for a person: « Titre : détail (code : xxx) ».</summary>
    public void WriteError(string title, string detail, string? code = null) => Error.WriteLine(ErrorLine(title, detail, code));

    public static string ErrorLine(string title, string detail, string? code = null) =>
        code is null ? $"{title} : {detail}" : $"{title} : {detail} (code : {code})";
}
