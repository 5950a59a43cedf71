namespace EsusCheck.Bulk.Processing;

/// <summary>An input file the planner reads twice (hash, then rows): something that opens a fresh stream.</summary>
public sealed record BulkInputFile(string Name, Func<CancellationToken, Task<Stream>> OpenAsync);
