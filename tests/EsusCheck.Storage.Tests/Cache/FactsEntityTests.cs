namespace EsusCheck.Storage.Tests.Cache;

public sealed class FactsEntityTests
{
    private readonly FakeTimeProvider _clock = new(StorageHost.Start);

    [Fact]
    public void Facts_round_trip_with_every_field()
    {
        var facts = Answers.Identity(_clock) with
        {
            InclusionKinds = [new(InclusionKind.ESAT, FactLevel.LegalUnit, SourceNames.RechercheEntreprises, false)],
            FinessCategories = [new("246", "ESAT", "130000000")],
            RetryAfter = TimeSpan.FromSeconds(3),
        };

        var read = FactsEntity.FromEntity(FactsEntity.ToEntity(facts, Answers.Siret())!);

        Assert.NotNull(read);
        Assert.Equal(facts.Evidence, read.Evidence);
        Assert.Equal(facts.Identity, read.Identity);
        Assert.Equal(facts.EssFlag, read.EssFlag);
        Assert.Equal(facts.InclusionKinds, read.InclusionKinds);
        Assert.Equal(facts.FinessCategories, read.FinessCategories);
        Assert.Equal(facts.RetryAfter, read.RetryAfter);
    }

    [Fact]
    public void Keys_put_a_company_in_one_partition_and_a_source_and_siret_in_one_row()
    {
        var entity = FactsEntity.ToEntity(Answers.Identity(_clock), Answers.Siret())!;

        Assert.Equal("732829320", entity.PartitionKey);
        Assert.Equal("recherche-entreprises|73282932000074", entity.RowKey);
    }

    [Fact]
    public void A_row_missing_a_chunk_reads_as_absent()
    {
        var entity = FactsEntity.ToEntity(Answers.Identity(_clock, Answers.Incompressible(200_000)), Answers.Siret())!;
        entity.Remove("Facts1");

        Assert.Null(FactsEntity.FromEntity(entity));
    }

    [Fact]
    public void A_row_with_corrupt_bytes_reads_as_absent()
    {
        var entity = FactsEntity.ToEntity(Answers.Identity(_clock), Answers.Siret())!;
        var bytes = entity.GetBinary("Facts0");
        Array.Fill(bytes, (byte)7, 10, bytes.Length - 10);
        entity["Facts0"] = bytes;

        Assert.Null(FactsEntity.FromEntity(entity));
    }

    [Fact]
    public void A_stored_enum_name_that_no_longer_exists_reads_as_absent()
    {
        var entity = FactsEntity.ToEntity(Answers.Identity(_clock), Answers.Siret())!;
        var json = System.Text.Encoding.UTF8.GetString(Decompress(entity.GetBinary("Facts0"))).Replace("\"Found\"", "\"Trouve\"", StringComparison.Ordinal);
        var recompressed = Compress(System.Text.Encoding.UTF8.GetBytes(json));
        entity["Facts0"] = recompressed;
        entity["FactsLength"] = recompressed.Length;

        Assert.Null(FactsEntity.FromEntity(entity));
    }

    private static byte[] Decompress(byte[] data)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }
}
