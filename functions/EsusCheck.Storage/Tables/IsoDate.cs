using System.Globalization;

namespace EsusCheck.Storage.Tables;

/// <summary>Dates without time are stored as yyyy-MM-dd strings: a Table Storage DateTime would bring a time zone in.</summary>
internal static class IsoDate
{
    private const string Format = "yyyy-MM-dd";

    public static string? Write(DateOnly? date) => date?.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly? Read(string? value) =>
        DateOnly.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
