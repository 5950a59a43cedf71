namespace EsusCheck.Core.Application;

/// <summary>One consistent read of the copy: the ESAT/EA establishments of a SIRET (usually none).</summary>
public sealed record FinessCopyLookup(FinessCopyInfo? Copy, IReadOnlyList<FinessCopyEntry> Establishments)
{
    public static readonly FinessCopyLookup NoCopy = new(null, []);
}
