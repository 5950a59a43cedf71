namespace EsusCheck.Core.Application;

/// <summary>Which copy is active: when it was made, how many structures, from where.</summary>
public sealed record MarcheCopyInfo(DateTimeOffset CopiedAt, int StructureCount, string Source);
