namespace EsusCheck.Core.Application;

/// <summary>One consistent read of the copy: the structures of a SIRET (often none) and the copy they come from.</summary>
public sealed record MarcheCopyLookup(MarcheCopyInfo? Copy, IReadOnlyList<MarcheCopyEntry> Structures)
{
    public static readonly MarcheCopyLookup NoCopy = new(null, []);
}
