using EsusCheck.Bulk.Reading;

namespace EsusCheck.Spaser.Decp;

/// <summary>Why a whole file cannot be read as a DECP (not one of its formats, malformed, truncated): thrown as the
/// bulk pipeline's <see cref="BulkFileException"/>, so that the job fails with this code, the French message and a
/// <c>summary.json</c> saying so.</summary>
public static class DecpFileErrors
{
    public const string Unsupported = "decp_format_unsupported";
    public const string JsonInvalid = "decp_json_invalid";
    public const string XmlInvalid = "decp_xml_invalid";
    public const string CsvColumns = "decp_csv_columns_missing";
    public const string NoContracts = "decp_no_contracts";

    public static BulkFileException Refuse(string code, string message) => new(new BulkFileError(code, message));
}
