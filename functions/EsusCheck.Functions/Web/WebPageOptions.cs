namespace EsusCheck.Functions.Web;

/// <summary>Configuration section <c>WebPage</c>.</summary>
public sealed class WebPageOptions
{
    public const string Section = "WebPage";

    /// <summary>Whether the API behind the page asks for a key: the page then shows its key field from the start. True
    /// in the function app (keys are enforced by the host); <c>esuscheck serve</c> sets it from <c>Serve:ApiKey</c>.</summary>
    public bool KeyRequired { get; set; } = true;
}
