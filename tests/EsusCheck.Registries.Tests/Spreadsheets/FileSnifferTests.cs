using System.Text;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Tests.Spreadsheets;

public sealed class FileSnifferTests
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public void A_french_excel_csv_export_is_windows_1252()
    {
        var sniffed = FileSniffer.Sniff(TextEncodings.Windows1252.GetBytes("N° SIRET;Dépense\r\n73282932000074;1 234,56\r\n"));

        Assert.Equal((SniffedKind.Text, TextEncodingKind.Windows1252), (sniffed.Kind, sniffed.Encoding));
    }

    [Theory]
    [InlineData(false, TextEncodingKind.Utf8)]
    [InlineData(true, TextEncodingKind.Utf8Bom)]
    public void Utf8_is_recognised_with_or_without_bom(bool bom, TextEncodingKind expected)
    {
        byte[] bytes = [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Utf8.GetBytes("siret,supplier\n73282932000074,Café Étoile\n")];

        Assert.Equal(expected, FileSniffer.Sniff(bytes).Encoding);
    }

    [Fact]
    public void Text_without_any_accent_is_ascii()
    {
        Assert.Equal(TextEncodingKind.Ascii, FileSniffer.Sniff("siret\n73282932000074\n"u8.ToArray()).Encoding);
    }

    [Theory]
    [InlineData(false, TextEncodingKind.Utf16LittleEndian)]
    [InlineData(true, TextEncodingKind.Utf16BigEndian)]
    public void Utf16_is_recognised_by_its_bom(bool bigEndian, TextEncodingKind expected)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("SIRET\tNom\r\n73282932000074\tCafé\r\n")];

        var sniffed = FileSniffer.Sniff(bytes);

        Assert.Equal((SniffedKind.Text, expected), (sniffed.Kind, sniffed.Encoding));
        Assert.Equal("\uFEFFSIRET\tNom\r\n73282932000074\tCafé\r\n", TextEncodings.ForReading(sniffed.Encoding).GetString(bytes));
    }

    [Fact]
    public void A_file_mixing_utf8_and_windows_1252_lines_is_decoded_character_by_character()
    {
        byte[] bytes = [.. TextEncodings.Windows1252.GetBytes("siret;nom\r\n73282932000074;Café\r\n"),
            .. Utf8.GetBytes("88087814500015;Crèche « Les Étoiles »\r\n")];

        var sniffed = FileSniffer.Sniff(bytes);

        Assert.Equal(TextEncodingKind.Mixed, sniffed.Encoding);
        Assert.Equal("siret;nom\r\n73282932000074;Café\r\n88087814500015;Crèche « Les Étoiles »\r\n",
            TextEncodings.ForReading(sniffed.Encoding).GetString(bytes));
    }

    [Fact]
    public void Windows_1252_text_with_one_accidental_utf8_looking_pair_stays_windows_1252()
    {
        // « Ã© » in Windows-1252 is the UTF-8 of « é »: one such pair is not enough to call the file mixed.
        var sniffed = FileSniffer.Sniff(TextEncodings.Windows1252.GetBytes("nom\r\nCafÃ©\r\nDépôt\r\n"));

        Assert.Equal(TextEncodingKind.Windows1252, sniffed.Encoding);
    }

    [Fact]
    public void Utf8_cut_in_the_middle_of_a_character_is_still_utf8_and_said_truncated()
    {
        var sniffed = FileSniffer.Sniff(Utf8.GetBytes("siret;nom\n73282932000074;Crè")[..^1]);

        Assert.Equal(TextEncodingKind.Utf8, sniffed.Encoding);
        Assert.True(sniffed.Truncated);
        Assert.False(FileSniffer.Sniff(Utf8.GetBytes("siret;nom\n73282932000074;Crè")).Truncated);
    }

    [Theory]
    [InlineData(new byte[0], SniffedKind.Empty)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x20 }, SniffedKind.Empty)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, SniffedKind.Zip)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, SniffedKind.Pdf)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, SniffedKind.LegacyXls)]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00 }, SniffedKind.Binary)]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x41 }, SniffedKind.Binary)]
    public void What_is_not_text_is_told_by_its_first_bytes(byte[] bytes, SniffedKind expected)
    {
        Assert.Equal(expected, FileSniffer.Sniff(bytes).Kind);
    }

    [Fact]
    public void The_census_fed_in_pieces_decides_as_the_whole_content_does()
    {
        byte[] bytes = [.. TextEncodings.Windows1252.GetBytes("nom\r\nCafé\r\n"), .. Utf8.GetBytes("Crèche « Étoile »\r\n")];
        var census = new Utf8Census();
        // A piece boundary inside a UTF-8 sequence (« è » is two bytes) must not count as an invalid byte.
        foreach (var piece in bytes.Chunk(3)) census.Feed(piece);

        var sniffed = FileSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, FileSniffer.HeadBytes)), bytes.Length, census);

        Assert.Equal(FileSniffer.Sniff(bytes).Encoding, sniffed.Encoding);
        Assert.Equal(TextEncodingKind.Mixed, sniffed.Encoding);
    }
}
