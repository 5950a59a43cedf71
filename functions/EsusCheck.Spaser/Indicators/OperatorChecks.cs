using EsusCheck.Bulk.Processing;
using EsusCheck.Core.Identifiers;
using EsusCheck.Spaser.Decp;

namespace EsusCheck.Spaser.Indicators;

/// <summary>What became of one holder or subcontractor: checked (a verdict), not checkable (declared with another
/// identifier than a SIRET, a foreign company most often), an invalid SIRET, or checked without a verdict.</summary>
public enum OperatorStatus { Checked, NotSiret, InvalidSiret, NoVerdict }

/// <param name="Siret">The 14 digits asked to the registries, when the identifier reads as a SIRET.</param>
/// <param name="KeyError">The SIRET's key (Luhn) is wrong: checked anyway, since real numbers fail it.</param>
public sealed record OperatorCheck(DecpOperator Operator, OperatorStatus Status, string? Siret, BulkItemResult? Result, string? Message, bool KeyError = false)
{
    public string Label => Result?.Name is { } name ? $"{name} ({Siret})" : Siret ?? $"{Operator.Identifier} ({Operator.IdentifierType})";
}

/// <summary>How an operator of the DECP becomes a check of the bulk pipeline: a SIRET and the contract's CPV code
/// (the purchase context of article L2113-15). The planner and the annotator both go through here, so the key of a
/// check is the same when it is asked and when its result is read.</summary>
public static class OperatorChecks
{
    /// <summary>The bulk item key of this operator on a contract with this CPV code, or null when it is not checked.</summary>
    public static (string Siret, string Key)? Request(DecpOperator op, string? cpv)
    {
        if (!op.DeclaredAsSiret) return null;
        var parsed = IdentifierParser.ParseSiret(op.Identifier);
        if (parsed.Value is not { } siret || (parsed.Error is not null && !parsed.HasOnlyChecksumError)) return null;
        return (siret.Value, BulkItem.KeyOf(siret.Value, cpv));
    }

    public static OperatorCheck Resolve(DecpOperator op, string? cpv, Func<string, BulkItemResult?> results)
    {
        if (!op.DeclaredAsSiret)
            return new(op, OperatorStatus.NotSiret, null, null,
                $"Identifiant {op.IdentifierType} : entreprise non immatriculée au répertoire Sirene (étrangère le plus souvent), non vérifiable.");
        var parsed = IdentifierParser.ParseSiret(op.Identifier);
        if (Request(op, cpv) is not { } request)
            return new(op, OperatorStatus.InvalidSiret, null, null, parsed.Error?.Message ?? $"« {op.Identifier} » n'est pas un SIRET.");
        var keyError = parsed.HasOnlyChecksumError;
        return results(request.Key) switch
        {
            { Status: ItemStatus.Checked } result => new(op, OperatorStatus.Checked, request.Siret, result, null, keyError),
            { } failed when keyError => new(op, OperatorStatus.InvalidSiret, request.Siret, failed, parsed.Error?.Message ?? failed.Message, true),
            { } failed => new(op, OperatorStatus.NoVerdict, request.Siret, failed, failed.Message),
            null => new(op, OperatorStatus.NoVerdict, request.Siret, null, "Ce SIRET n'a pas pu être vérifié (résultat manquant)."),
        };
    }
}
