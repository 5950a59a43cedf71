namespace EsusCheck.Cli.Serve;

/// <summary>Configuration section <c>Serve</c> of <c>esuscheck serve</c>.</summary>
public sealed class ServeOptions
{
    public const string Section = "Serve";

    /// <summary>When set, every keyed route of the API asks for it (header <c>x-functions-key</c> or query <c>code</c>),
    /// as the function app does. Required to listen beyond this machine.</summary>
    public string? ApiKey { get; set; }
}
