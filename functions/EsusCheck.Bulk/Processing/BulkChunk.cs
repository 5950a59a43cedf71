namespace EsusCheck.Bulk.Processing;

/// <summary>One distinct check of a file: an identifier as typed once normalised (14-digit SIRET, or 9-digit SIREN
/// for the head office) and the CPV code given with it, with the number of rows that share it.</summary>
public sealed record BulkItem(string Identifier, string? Cpv, int Rows)
{
    public string Key => KeyOf(Identifier, Cpv);

    public static string KeyOf(string identifier, string? cpv) => cpv is null ? identifier : identifier + "-" + cpv;
}

/// <summary>The unit of work a queue message stands for. <see cref="Done"/> flips once, atomically with the job's
/// counters, which makes a re-delivered message harmless. <see cref="Attempt"/> is the job's attempt that planned it:
/// a new attempt (a failed file uploaded again) replaces the chunks of the previous one.</summary>
public sealed record BulkChunk(string JobId, int Index, IReadOnlyList<BulkItem> Items, bool Done = false, bool Failed = false, int Attempt = 1)
{
    public long Rows => Items.Sum(i => (long)i.Rows);
}
