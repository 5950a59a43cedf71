using System.Runtime.CompilerServices;
using EsusCheck.Bulk.Processing;

namespace EsusCheck.Bulk.InProcess;

/// <summary>Job state in memory, for a run inside one process (the CLI). Same semantics as the table store: one
/// lock stands for Table Storage's optimistic concurrency and entity-group transactions.</summary>
public sealed class InMemoryBulkJobStore : IBulkJobStore
{
    private sealed class Entry(BulkJob job)
    {
        public BulkJob Job = job;
        public readonly SortedDictionary<int, BulkChunk> Chunks = [];
        public readonly SortedDictionary<int, Dictionary<string, BulkItemResult>> Results = [];
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = [];

    public Task<BulkJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_entries.GetValueOrDefault(jobId)?.Job);
    }

    public Task<BulkJob> AddOrGetAsync(BulkJob job, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(job.JobId, out var entry)) _entries[job.JobId] = entry = new Entry(job);
            return Task.FromResult(entry.Job);
        }
    }

    public Task<BulkJob?> UpdateAsync(string jobId, Func<BulkJob, BulkJob?> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(jobId, out var entry)) return Task.FromResult<BulkJob?>(null);
            if (change(entry.Job) is { } changed) entry.Job = changed;
            return Task.FromResult<BulkJob?>(entry.Job);
        }
    }

    public Task AddChunksAsync(string jobId, IReadOnlyList<BulkChunk> chunks, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var entry = _entries[jobId];
            foreach (var chunk in chunks)
                if (!entry.Chunks.TryGetValue(chunk.Index, out var existing) || existing.Attempt < chunk.Attempt) entry.Chunks[chunk.Index] = chunk;
        }
        return Task.CompletedTask;
    }

    public Task<BulkChunk?> GetChunkAsync(string jobId, int index, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_entries.GetValueOrDefault(jobId)?.Chunks.GetValueOrDefault(index));
    }

    public Task SaveResultsAsync(string jobId, int chunkIndex, IReadOnlyList<BulkItemResult> results, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var entry = _entries[jobId];
            if (!entry.Results.TryGetValue(chunkIndex, out var saved)) entry.Results[chunkIndex] = saved = [];
            foreach (var result in results) saved[result.Key] = result;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BulkItemResult>> GetChunkResultsAsync(string jobId, int chunkIndex, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<BulkItemResult>>(
                _entries.GetValueOrDefault(jobId)?.Results.GetValueOrDefault(chunkIndex)?.Values.ToList() ?? []);
    }

    public async IAsyncEnumerable<BulkItemResult> GetAllResultsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<BulkItemResult> all;
        lock (_lock) all = _entries.GetValueOrDefault(jobId)?.Results.Values.SelectMany(r => r.Values).ToList() ?? [];
        foreach (var result in all) yield return result;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<BulkJob> FindUnfinishedAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<BulkJob> found;
        lock (_lock) found = _entries.Values.Select(e => e.Job).Where(j => !j.IsFinished && j.UpdatedAt < updatedBefore).ToList();
        foreach (var job in found) yield return job;
        await Task.CompletedTask;
    }

    public Task<BulkJob?> CompleteChunkAsync(string jobId, int index, bool failed, Func<BulkJob, BulkJob> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(jobId, out var entry) || !entry.Chunks.TryGetValue(index, out var chunk) || chunk.Done)
                return Task.FromResult<BulkJob?>(null);
            entry.Chunks[index] = chunk with { Done = true, Failed = failed };
            entry.Job = change(entry.Job);
            return Task.FromResult<BulkJob?>(entry.Job);
        }
    }
}
