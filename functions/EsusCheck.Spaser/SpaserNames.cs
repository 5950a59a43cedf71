namespace EsusCheck.Spaser;

/// <summary>Names the triggers declare (attributes need constants) and the job kind on the bulk pipeline. Results go
/// to the bulk output container (<c>Bulk:OutputContainer</c>), one folder per job, like supplier files.</summary>
public static class SpaserNames
{
    public const string InputContainer = "spaser-in";
    public const string JobKind = "spaser";
}
