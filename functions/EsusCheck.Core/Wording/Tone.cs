namespace EsusCheck.Core.Wording;

/// <summary>How a statement should look: neutral, good news, bad news, something to check, secondary. Each output
/// maps it to its own colours (terminal, Adaptive Card, web page).</summary>
public enum Tone { Neutral, Good, Bad, Warning, Subtle }
