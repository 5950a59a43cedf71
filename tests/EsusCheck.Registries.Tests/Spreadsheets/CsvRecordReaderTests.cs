using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Tests.Spreadsheets;

public sealed class CsvRecordReaderTests
{
    private static async Task<List<CsvRecord>> ReadAllAsync(string text, char? delimiter = ';', int max = 1000)
    {
        var reader = new CsvRecordReader(new StringReader(text), delimiter, max);
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync(CancellationToken.None) is { } record) records.Add(record);
        return records;
    }

    [Fact]
    public async Task Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks()
    {
        var records = await ReadAllAsync("a;\"b;c\";\"d \"\"e\"\"\"\r\n\"multi\r\nline\";x\r\nlast;row");

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b;c", "d \"e\""], records[0].Fields);
        Assert.Equal(["multi\r\nline", "x"], records[1].Fields);
        Assert.Equal((2L, 3L), (records[1].Line, records[1].LastLine));
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["last", "row"], records[2].Fields);
    }

    [Theory]
    [InlineData("a;b\r\nc;d\r\n", "\r\n")]
    [InlineData("a;b\nc;d\n", "\n")]
    [InlineData("a;b\rc;d\r", "\r")]
    [InlineData("a;b\rc;d", "\r")]
    public async Task Line_endings_are_read_and_remembered(string text, string ending)
    {
        var reader = new CsvRecordReader(new StringReader(text), ';', 1000);
        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(["a", "b"], first!.Fields);
        Assert.Equal(["c", "d"], second!.Fields);
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(ending, reader.LineEnding);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_skipped_to_its_end_and_the_next_lines_are_read()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var records = await ReadAllAsync($"siret;nom\n73282932000074;{huge};{huge}\n88087814500015;ok\n", max: 100_000);

        Assert.Equal(3, records.Count);
        Assert.Equal(RecordProblem.TooLong, records[1].Problem);
        Assert.Empty(records[1].Fields);
        Assert.Equal(["88087814500015", "ok"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public async Task A_quote_never_closed_is_reported_with_the_lines_it_swallowed()
    {
        var records = await ReadAllAsync("siret;nom\n73282932000074;\"Dupont\n88087814500015;x");

        Assert.Equal(2, records.Count);
        Assert.Equal(RecordProblem.UnterminatedQuote, records[1].Problem);
        Assert.Equal((2L, 3L), (records[1].Line, records[1].LastLine));
    }

    [Fact]
    public async Task A_bom_at_the_start_is_not_part_of_the_first_field()
    {
        var records = await ReadAllAsync("\uFEFFsiret;nom\n");

        Assert.Equal("siret", records[0].Fields[0]);
    }

    [Fact]
    public async Task Without_delimiter_each_line_is_one_field()
    {
        var records = await ReadAllAsync("SIRET\n732 829 320 00074\n", delimiter: null);

        Assert.Equal(["732 829 320 00074"], records[1].Fields);
    }
}
