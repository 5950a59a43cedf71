using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace EsusCheck.Registries.Spreadsheets;

/// <summary>One sheet row as stored: its row number, the values of its cells up to the last one holding a value (gaps
/// are null), and whether a value sits past the column limit (then the cells are empty). A value is a
/// <see cref="string"/>, a <see cref="double"/>, a <see cref="DateTime"/> (a number whose cell style shows a date) or a
/// <see cref="bool"/>: each reader turns it into what it needs.</summary>
public sealed record XlsxSheetRow(long Number, IReadOnlyList<object?> Cells, bool TooManyColumns);

/// <summary>Streams a sheet of a workbook reading only the cells that exist: a cell in column XFD does not widen the
/// other rows, and rows the sheet does not hold are not produced. Work is proportional to the sheet's XML, which
/// <see cref="XlsxPackageInspector"/> has bounded before (MiniExcel's reader widens every row to the sheet's last
/// column, which is why it is not used here). Values: shared and inline strings, numbers, dates (by their cell style), booleans, error values.
/// Failures of a damaged package are the exceptions <see cref="IsDamage"/> recognises.</summary>
public sealed class XlsxSheetReader : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<string> _sheetPaths;
    private readonly List<string> _sharedStrings = [];
    private readonly List<bool> _dateStyles = [];
    private readonly bool _date1904;
    private readonly int _maxColumns;

    public IReadOnlyList<string> SheetNames { get; }

    private XlsxSheetReader(ZipArchive zip, int maxColumns)
    {
        _zip = zip;
        _maxColumns = maxColumns;
        var workbookPath = Target("", "_rels/.rels", "/officeDocument") ?? "xl/workbook.xml";
        var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relationships = folder + "_rels/" + workbookPath[folder.Length..] + ".rels";

        var sheets = new List<(string Name, string? Id)>();
        using (var reader = Open(workbookPath) ?? throw new InvalidDataException("No workbook part."))
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "sheet") sheets.Add((reader.GetAttribute("name") ?? "", reader.GetAttribute("id", RelationshipsNamespace)));
                else if (reader.LocalName == "workbookPr") _date1904 = reader.GetAttribute("date1904") is "1" or "true";
            }
        SheetNames = sheets.Select(s => s.Name).ToList();
        _sheetPaths = sheets.Count == 0
            ? [folder + "worksheets/sheet1.xml"]
            : sheets.Select((sheet, i) => (sheet.Id is { } id ? TargetById(folder, relationships, id) : null)
                                          ?? folder + $"worksheets/sheet{i + 1}.xml").ToList();

        ReadSharedStrings(Target(folder, relationships, "/sharedStrings") ?? folder + "sharedStrings.xml");
        ReadStyles(Target(folder, relationships, "/styles") ?? folder + "styles.xml");
    }

    public static XlsxSheetReader Open(Stream seekable, int maxColumns) =>
        new(new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true), maxColumns);

    /// <summary>An exception reading a damaged or hostile package throws (truncated zip, malformed XML, odd parts).</summary>
    public static bool IsDamage(Exception ex) => ex is InvalidDataException or XmlException or InvalidOperationException or IOException
        or ArgumentException or NullReferenceException or IndexOutOfRangeException or FormatException;

    /// <summary>The rows of the sheet at <paramref name="sheet"/> (0: the first; when the workbook lists no sheet, its
    /// usual first part).</summary>
    public IEnumerable<XlsxSheetRow> Rows(int sheet = 0)
    {
        using var reader = Open(_sheetPaths[sheet]) ?? throw new InvalidDataException("No sheet part.");
        long previous = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            var number = long.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > previous ? r : previous + 1;
            previous = number;
            if (reader.IsEmptyElement)
            {
                yield return new XlsxSheetRow(number, [], false);
                continue;
            }
            yield return ReadRow(reader.ReadSubtree(), number);
        }
    }

    private XlsxSheetRow ReadRow(XmlReader row, long number)
    {
        using (row)
        {
            var cells = new SortedList<int, object>();
            var tooMany = false;
            var column = 0;
            while (row.Read())
            {
                if (row.NodeType != XmlNodeType.Element || row.LocalName != "c") continue;
                column = ColumnOf(row.GetAttribute("r")) ?? column + 1;
                var type = row.GetAttribute("t");
                var style = int.TryParse(row.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                if (row.IsEmptyElement) continue;
                var value = CellValue(row.ReadSubtree(), type, style);
                if (value is "") continue;
                if (column > _maxColumns) tooMany = true;
                else cells[column] = value;
            }
            if (tooMany) return new XlsxSheetRow(number, [], true);
            if (cells.Count == 0) return new XlsxSheetRow(number, [], false);
            var values = new object?[cells.Keys[^1]];
            foreach (var (index, value) in cells) values[index - 1] = value;
            return new XlsxSheetRow(number, values, false);
        }
    }

    private object CellValue(XmlReader cell, string? type, int style)
    {
        using (cell)
        {
            string? value = null;
            var inline = new StringBuilder();
            var moved = false;
            while (moved ? !cell.EOF : cell.Read())
            {
                moved = false;
                if (cell.NodeType != XmlNodeType.Element) continue;
                if (cell.LocalName == "v")
                {
                    value = cell.ReadElementContentAsString();
                    moved = true;
                }
                else if (cell.LocalName == "is") AppendText(cell.ReadSubtree(), inline);
            }
            return type switch
            {
                "inlineStr" => inline.ToString(),
                "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                    ? _sharedStrings[index]
                    : "",
                "b" => value == "1",
                "str" or "e" => value ?? "",
                "d" => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : value ?? "",
                _ => Number(value, style),
            };
        }
    }

    private object Number(string? value, int style)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value ?? "";
        if (style < _dateStyles.Count && _dateStyles[style] && number is >= 0 and < 2_958_466)
            return DateTime.FromOADate(number + (_date1904 ? 1462 : 0));
        return number;
    }

    /// <summary>The text runs of a string item, without its phonetic guides.</summary>
    private static void AppendText(XmlReader item, StringBuilder text)
    {
        using (item)
        {
            var phonetic = 0;
            var moved = false;
            while (moved ? !item.EOF : item.Read())
            {
                moved = false;
                if (item.NodeType == XmlNodeType.Element && item.LocalName == "rPh" && !item.IsEmptyElement) phonetic++;
                else if (item.NodeType == XmlNodeType.EndElement && item.LocalName == "rPh") phonetic--;
                else if (item.NodeType == XmlNodeType.Element && item.LocalName == "t" && phonetic == 0)
                {
                    text.Append(item.ReadElementContentAsString());
                    moved = true;
                }
            }
        }
    }

    private void ReadSharedStrings(string path)
    {
        using var reader = Open(path);
        if (reader is null) return;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si") continue;
            var text = new StringBuilder();
            if (!reader.IsEmptyElement) AppendText(reader.ReadSubtree(), text);
            _sharedStrings.Add(text.ToString());
        }
    }

    private void ReadStyles(string path)
    {
        using var reader = Open(path);
        if (reader is null) return;
        var customDates = new HashSet<int>();
        var inCellFormats = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellFormats = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), out var id) && IsDateFormat(reader.GetAttribute("formatCode")):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), out var f) ? f : 0;
                    _dateStyles.Add(format is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(format));
                    break;
            }
        }
    }

    /// <summary>A number format shows a date when, outside quoted text, escapes and [colour] sections, it has a day,
    /// month, year, hour or second code.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\\') i++;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!bracket && char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's') return true;
        }
        return false;
    }

    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
            if (column > 16_384) return 16_385;
        }
        return column == 0 ? null : column;
    }

    private XmlReader? Open(string path)
    {
        var entry = _zip.GetEntry(path.TrimStart('/'));
        return entry is null ? null : XmlReader.Create(entry.Open(), Settings);
    }

    /// <summary>The part a relationship of the given type points to, as a path inside the package.</summary>
    private string? Target(string folder, string relationships, string typeSuffix) =>
        Relationships(folder, relationships).FirstOrDefault(r => r.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).Target;

    private string? TargetById(string folder, string relationships, string id) =>
        Relationships(folder, relationships).FirstOrDefault(r => r.Id == id).Target;

    private List<(string Id, string Type, string Target)> Relationships(string folder, string path)
    {
        var found = new List<(string, string, string)>();
        using var reader = Open(path);
        if (reader is null) return found;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
            var target = reader.GetAttribute("Target") ?? "";
            found.Add((reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "",
                target.StartsWith('/') ? target[1..] : folder + target));
        }
        return found;
    }

    public void Dispose() => _zip.Dispose();
}
