using System.Globalization;

namespace EsusCheck.Bulk;

internal static class FrenchText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 100 000 », with an ordinary space so that every tool shows it.</summary>
    public static string Number(long value) => value.ToString("N0", Culture).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    public static string Amount(decimal value) => value.ToString("N2", Culture).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    public static string Percent(decimal share) => (share * 100).ToString("0.#", Culture) + " %";
}
