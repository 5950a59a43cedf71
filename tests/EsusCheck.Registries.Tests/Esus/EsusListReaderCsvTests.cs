using System.Text;
using EsusCheck.Registries.Esus;
using EsusCheck.Testing.Esus;

namespace EsusCheck.Registries.Tests.Esus;

public class EsusListReaderCsvTests
{
    private static readonly string Alpha = EsusListFiles.Siren("41816609");
    private static readonly string Beta = EsusListFiles.Siren("55203253");

    private static readonly object?[][] Rows =
    [
        ["SIREN", "Raison sociale", "Date d'agrément", "Département"],
        [$"{Alpha[..3]} {Alpha[3..6]} {Alpha[6..]}", "Société coopérative « Élan », Œuvre", "12/03/2021", "75"],
        [Beta, "Régie de quartier", "2022-05-12", "13"],
    ];

    private static EsusListParse Read(byte[] file, string name = "liste.csv", EsusImportOptions? limits = null) =>
        EsusListReader.Read(file, name, limits ?? new EsusImportOptions());

    public static TheoryData<string, char, bool> Encodings => new()
    {
        { "utf-8", ';', true },
        { "utf-8", ';', false },
        { "windows-1252", ';', false },
        { "windows-1252", ',', false },
        { "utf-8", '\t', false },
        { "utf-16", '\t', true },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Accents_and_separators_survive_every_encoding_excel_produces(string encodingName, char separator, bool bom)
    {
        var encoding = encodingName == "windows-1252" ? EsusListFiles.Windows1252 : Encoding.GetEncoding(encodingName);
        var file = EsusListFiles.Csv(Rows, separator, encoding, bom);

        var parse = Read(file);

        Assert.Null(parse.Rejection);
        var alpha = parse.Entries.Single(e => e.Siren.Value == Alpha);
        Assert.Equal("Société coopérative « Élan », Œuvre", alpha.Name);
        Assert.Equal(new DateOnly(2021, 3, 12), alpha.AccreditedOn);
        Assert.Equal("75", alpha.Department);
        Assert.Equal(new DateOnly(2022, 5, 12), parse.Entries.Single(e => e.Siren.Value == Beta).AccreditedOn);
    }

    [Fact]
    public void An_assimilated_row_with_a_siren_is_kept_and_marked_as_such()
    {
        // law.md §2/§3: « assimilés » (funds, credit institutions) are on the list but need not be ESS companies.
        var file = EsusListFiles.Csv(
        [
            ["SIREN", "Raison sociale", "Catégorie"],
            [Alpha, "Coopérative Élan", "Entreprise"],
            [Beta, "Banque solidaire", "Établissement de crédit assimilé"],
        ], ';', Encoding.UTF8);

        var parse = Read(file);

        Assert.False(parse.Entries.Single(e => e.Siren.Value == Alpha).Assimilated);
        Assert.True(parse.Entries.Single(e => e.Siren.Value == Beta).Assimilated);
    }

    [Fact]
    public void A_header_on_line_three_under_a_title_without_separators_is_found()
    {
        var file = EsusListFiles.Csv(
        [
            ["Liste nationale des agréments ESUS au 1er juillet 2024"],
            [],
            .. Rows,
            ["", "Fonds d'investissement solidaire", "", ""],
            ["123", "Trop court", "", ""],
        ], ',', EsusListFiles.Windows1252);

        var parse = Read(file);

        Assert.Null(parse.Rejection);
        Assert.Equal(new DateOnly(2024, 7, 1), parse.StatedPublishedOn);
        Assert.Equal(2, parse.Entries.Count);
        Assert.Collection(parse.SkippedRows,
            fund => Assert.Equal((6, EsusSkippedRow.Codes.AssimilatedWithoutSiren), (fund.Row, fund.Code)),
            tooShort => Assert.Equal((7, "identifier_wrong_length"), (tooShort.Row, tooShort.Code)));
    }

    [Fact]
    public void A_row_without_siren_that_is_not_a_fund_is_reported_as_missing()
    {
        var parse = Read(EsusListFiles.Csv([["SIREN", "Nom"], [Alpha, "A"], ["", "Sans numéro"]]));

        var missing = Assert.Single(parse.SkippedRows);
        Assert.Equal((3, EsusSkippedRow.Codes.SirenMissing), (missing.Row, missing.Code));
    }

    [Fact]
    public void The_file_name_gives_the_publication_date_when_the_file_does_not()
    {
        var parse = Read(EsusListFiles.Csv(Rows), "liste-agrements-esus-2024-07-01.csv");

        Assert.Equal(new DateOnly(2024, 7, 1), parse.StatedPublishedOn);
    }

    [Fact]
    public void A_csv_without_a_siren_column_is_rejected()
    {
        var parse = Read(EsusListFiles.Csv([["SIRET", "Nom"], ["41816609600069", "A"]]));

        Assert.Equal(EsusListRejection.Codes.NoSirenColumn, parse.Rejection?.Code);
    }

    public static TheoryData<string, byte[]> NotSpreadsheets => new()
    {
        { "PDF", "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray() },
        { "binaire", [0x00, 0x01, 0x02, 0x53, 0x49, 0x52, 0x45, 0x4E, 0x00] },
        { "page web", "\n<!DOCTYPE html><html><body>SIREN</body></html>"u8.ToArray() },
        { "Excel 97-2003", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
        { "vide", [] },
    };

    [Theory]
    [MemberData(nameof(NotSpreadsheets))]
    public void Other_kinds_of_file_are_not_spreadsheets(string kind, byte[] content)
    {
        var parse = Read(content);

        Assert.Equal(EsusListRejection.Codes.NotASpreadsheet, parse.Rejection?.Code);
        Assert.StartsWith("Le fichier n'est pas un classeur XLSX ni un fichier CSV", parse.Rejection!.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public async Task A_stream_over_the_size_limit_is_refused_without_reading_it_all()
    {
        var file = EsusListFiles.Csv(Enumerable.Repeat(Rows[1], 200).Prepend(Rows[0]));
        var limits = new EsusImportOptions { MaxFileBytes = 1000 };
        await using var unseekable = new ForwardOnlyStream(file);

        var parse = await EsusListReader.ReadAsync(unseekable, "liste.csv", limits, CancellationToken.None);

        Assert.Equal(EsusListRejection.Codes.FileTooLarge, parse.Rejection?.Code);
        Assert.True(unseekable.BytesRead < file.Length, "reading stops once the limit is passed");
    }

    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, Math.Min(count, 256));
            BytesRead += read;
            return read;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
