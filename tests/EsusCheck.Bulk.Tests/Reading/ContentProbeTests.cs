using System.Text;
using EsusCheck.Bulk.Reading;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Tests.Reading;

/// <summary>The bulk probe's own job: the hash, and the shared sniffer's verdict as bulk errors and notes (the kinds and
/// encodings themselves are tested once, in Registries.Tests/Spreadsheets/FileSnifferTests).</summary>
public sealed class ContentProbeTests
{
    [Fact]
    public async Task A_file_mixing_utf8_and_windows_1252_lines_is_read_line_by_line_and_noted()
    {
        byte[] bytes = [.. TestFiles.Windows1252.GetBytes("siret;nom\r\n73282932000074;Café\r\n"),
            .. Encoding.UTF8.GetBytes("88087814500015;Crèche « Les Étoiles »\r\n")];

        var probe = await TestFiles.ProbeAsync(bytes);
        var (_, rows, _) = await TestFiles.ReadAsync(bytes);

        Assert.Equal(TextEncodingKind.Mixed, probe.Encoding);
        Assert.Contains(probe.Notes, n => n.Contains("mélange deux encodages", StringComparison.Ordinal));
        Assert.Equal("Café", rows[1].Cells[1]);
        Assert.Equal("Crèche « Les Étoiles »", rows[2].Cells[1]);
    }

    [Fact]
    public async Task The_hash_identifies_the_content()
    {
        var first = await TestFiles.ProbeAsync(TestFiles.Utf8Csv("siret", "73282932000074"));
        var same = await TestFiles.ProbeAsync(TestFiles.Utf8Csv("siret", "73282932000074"));
        var other = await TestFiles.ProbeAsync(TestFiles.Utf8Csv("siret", "88087814500015"));

        Assert.Equal(first.Sha256, same.Sha256);
        Assert.NotEqual(first.Sha256, other.Sha256);
        Assert.Equal(64, first.Sha256.Length);
    }

    [Theory]
    [InlineData(new byte[0], BulkFileError.Codes.Empty)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x20 }, BulkFileError.Codes.Empty)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, BulkFileError.Codes.Unsupported)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, BulkFileError.Codes.Unsupported)]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00 }, BulkFileError.Codes.Unsupported)]
    public async Task Files_that_cannot_be_supplier_lists_are_refused_with_a_reason(byte[] bytes, string code)
    {
        var probe = await TestFiles.ProbeAsync(bytes);

        Assert.Equal(code, probe.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(probe.Error?.Message));
    }

    [Fact]
    public async Task A_utf8_file_cut_in_the_middle_of_a_character_is_said_truncated()
    {
        var bytes = Encoding.UTF8.GetBytes("siret;nom\n73282932000074;Crè")[..^1];

        var probe = await TestFiles.ProbeAsync(bytes);

        Assert.Contains(probe.Notes, n => n.Contains("tronqué", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Utf16_exports_are_recognised_by_their_bom()
    {
        var probe = await TestFiles.ProbeAsync(TestFiles.Csv(Encoding.Unicode, "\r\n", bom: true, "SIRET\tNom", "73282932000074\tCafé"));
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.Csv(Encoding.Unicode, "\r\n", bom: true, "SIRET\tNom", "73282932000074\tCafé"));

        Assert.Equal(TextEncodingKind.Utf16LittleEndian, probe.Encoding);
        Assert.Equal('\t', layout.Delimiter);
        Assert.Equal("Café", rows[1].Cells[1]);
    }
}
