using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Tests.Spreadsheets;

public sealed class CsvTableTests
{
    private static async Task<(CsvTable Table, List<CsvRecord> Records)> ReadAsync(string text, char? singleColumnDelimiter = null, int head = 64 * 1024)
    {
        var table = await CsvTable.OpenAsync(new StringReader(text), head, 10_000, singleColumnDelimiter: singleColumnDelimiter);
        var records = new List<CsvRecord>();
        while (await table.ReadAsync(CancellationToken.None) is { } record) records.Add(record);
        return (table, records);
    }

    [Theory]
    [InlineData("SIRET;Nom;Montant\n73282932000074;A b;10\n", ';', 3)]
    [InlineData("SIRET\tNom\tMontant\n73282932000074\tA b\t10\n", '\t', 3)]
    [InlineData("siret,name,amount\n73282932000074,\"Smith, J\",10\n", ',', 3)]
    [InlineData("siret|nom\n73282932000074|A\n", '|', 2)]
    public async Task The_delimiter_that_splits_the_records_is_chosen(string text, char expected, int fields)
    {
        var (table, records) = await ReadAsync(text);

        Assert.Equal(expected, table.Delimiter.Delimiter);
        Assert.Null(table.Delimiter.Note);
        Assert.All(records, r => Assert.Equal(fields, r.Fields.Count));
    }

    [Fact]
    public async Task An_excel_sep_line_gives_the_delimiter_and_is_not_a_record()
    {
        var (table, records) = await ReadAsync("sep=,\nSIRET,Montant\n73282932000074,\"10,5\"\n");

        Assert.Equal((',', true), (table.Delimiter.Delimiter, table.Delimiter.FromSepLine));
        Assert.Equal(["SIRET", "Montant"], records[0].Fields);
        Assert.Equal(["73282932000074", "10,5"], records[1].Fields);
        Assert.Equal(2, records[0].Line);
    }

    [Fact]
    public async Task A_title_line_without_delimiter_does_not_hide_the_one_of_the_table_below()
    {
        var (table, records) = await ReadAsync("Liste au 1er juillet 2024\n\nSIREN,Nom,Date\n418166096,\"Élan, Œuvre\",12/03/2021\n552032534,Régie,2022-05-12\n");

        Assert.Equal(',', table.Delimiter.Delimiter);
        Assert.Equal(["418166096", "Élan, Œuvre", "12/03/2021"], records[3].Fields);
    }

    [Fact]
    public async Task Two_delimiters_splitting_alike_go_to_the_semicolon_and_are_noted()
    {
        var (table, _) = await ReadAsync("a;b,c\n1;2,3\n");

        Assert.Equal(';', table.Delimiter.Delimiter);
        Assert.Contains("Séparateur incertain", table.Delimiter.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_of_uneven_widths_still_split_and_are_noted()
    {
        var (table, _) = await ReadAsync("a;b\n1;2;3;4\n5\n6;7;8\n9;10;11;12;13\n");

        Assert.Equal(';', table.Delimiter.Delimiter);
        Assert.Contains("ne comptent pas toutes le même nombre de colonnes", table.Delimiter.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(',', 2)]
    public async Task When_no_delimiter_splits_most_records_lines_are_whole_or_cut_by_the_fallback(char? fallback, int fields)
    {
        var (table, records) = await ReadAsync("SIRET\n732 829 320 00074\n880 878 145 00015\na,b\n", fallback);

        Assert.Null(table.Delimiter.Delimiter);
        Assert.Equal(["732 829 320 00074"], records[1].Fields);
        Assert.Equal(fields, records[3].Fields.Count);
    }

    [Fact]
    public async Task The_head_is_replayed_so_no_record_is_lost_across_it()
    {
        var lines = Enumerable.Range(0, 200).Select(i => $"{i};ligne {i}").ToList();

        var (table, records) = await ReadAsync(string.Join("\r\n", lines) + "\r\n", head: 100);

        Assert.Equal(';', table.Delimiter.Delimiter);
        Assert.Equal(lines, records.Select(r => string.Join(';', r.Fields)));
        Assert.Equal("\r\n", table.LineEnding);
    }
}
