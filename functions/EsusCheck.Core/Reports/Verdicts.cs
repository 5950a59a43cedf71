using System.Text.Json.Serialization;

namespace EsusCheck.Core.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<EssStatus>))]
public enum EssStatus
{
    [JsonStringEnumMemberName("yes")] Yes,
    [JsonStringEnumMemberName("no")] No,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

[JsonConverter(typeof(JsonStringEnumConverter<EsusStatus>))]
public enum EsusStatus
{
    [JsonStringEnumMemberName("accredited")] Accredited,
    [JsonStringEnumMemberName("not_accredited")] NotAccredited,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

[JsonConverter(typeof(JsonStringEnumConverter<ContractStatus>))]
public enum ContractStatus
{
    [JsonStringEnumMemberName("eligible")] Eligible,
    [JsonStringEnumMemberName("not_eligible")] NotEligible,
    [JsonStringEnumMemberName("to_verify")] ToVerify,
}

/// <summary>The reserved-contract articles of the Code de la commande publique that EsusCheck rules on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReservedArticle>))]
public enum ReservedArticle
{
    [JsonStringEnumMemberName("L2113-12")] L2113_12,
    [JsonStringEnumMemberName("L2113-13")] L2113_13,
    [JsonStringEnumMemberName("L2113-13-1")] L2113_13_1,
    [JsonStringEnumMemberName("L2113-15")] L2113_15,
}

public static class ReservedArticleExtensions
{
    public static string ToArticle(this ReservedArticle article) => article switch
    {
        ReservedArticle.L2113_12 => "L2113-12",
        ReservedArticle.L2113_13 => "L2113-13",
        ReservedArticle.L2113_13_1 => "L2113-13-1",
        ReservedArticle.L2113_15 => "L2113-15",
        _ => throw new ArgumentOutOfRangeException(nameof(article)),
    };
}
