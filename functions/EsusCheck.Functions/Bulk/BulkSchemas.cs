using EsusCheck.Bulk.Processing;
using Microsoft.OpenApi.Models;
using static EsusCheck.Functions.OpenApi.Schemas;

namespace EsusCheck.Functions.Bulk;

// Written by hand: this is the contract a connector shows (French descriptions, x-ms-summary, patterns, documented enums,
// stricter than the records); OpenApiSchemaDerivationTests checks it against JsonSchemaExporter's schema of each record.
/// <summary>The body of <c>POST /v1/bulk</c> and <c>GET /v1/bulk/{jobId}</c> (<see cref="BulkJobStatus"/>); a test checks
/// a real status against it.</summary>
public static class BulkSchemas
{
    public const string Job = "BulkJob";
    public const string RowError = "BulkRowError";
    public const string Output = "BulkOutput";

    public static void AddTo(IDictionary<string, OpenApiSchema> components)
    {
        components[Job] = Object("Un fichier de fournisseurs en cours de traitement ou traité.",
            Property("jobId", "Identifiant", String("Les 24 premiers caractères hexadécimaux de l'empreinte SHA-256 du fichier.", pattern: "^[0-9a-f]{24}$")),
            Property("state", "État", Enum<BulkJobState>("received, planning, processing, finalizing, completed ou failed.")),
            Property("stateLabel", "État (libellé)", String("L'état en français, par exemple « vérification des fournisseurs en cours ».")),
            Property("inputName", "Fichier lu", String("Le nom du fichier dans le conteneur bulk-in.")),
            Property("alsoUploadedAs", "Autres envois", Array("Les autres noms sous lesquels le même contenu a été déposé (non retraité).", String("Un nom."))),
            Property("rowsTotal", "Lignes", Long("Lignes de données du fichier.")),
            Property("rowsDone", "Lignes traitées", Long("Lignes traitées jusqu'ici.")),
            Property("rowsInError", "Lignes sans verdict", Long("Lignes qui ont un motif au lieu d'un verdict.")),
            Property("errors", "Erreurs", Array("Les 20 premières lignes sans verdict.", Ref(RowError))),
            Property("notes", "Remarques", Array("Ce qui a été détecté dans le fichier et les choix faits.", String("Une remarque en français."))),
            Property("error", "Erreur du fichier", Object("Pourquoi le fichier entier n'a pas pu être traité.",
                Property("code", "Code", String("Code stable, par exemple bulk_no_siret_column.")),
                Property("message", "Explication", String("L'explication en français."))).Nullable()),
            Property("outputs", "Résultats", Object("Les fichiers de résultats, une fois le traitement terminé.",
                Property("csv", "CSV", Ref(Output)),
                Property("xlsx", "XLSX", Ref(Output)),
                Property("summary", "Synthèse", Ref(Output)),
                Property("report", "Rapport", Ref(Output).Nullable())).Nullable()),
            Property("createdAt", "Reçu le", String("Date de réception.", format: "date-time")),
            Property("updatedAt", "Mis à jour le", String("Dernière avancée.", format: "date-time")),
            Property("completedAt", "Terminé le", String("Fin du traitement.", format: "date-time").Nullable()),
            Property("prefetchBatches", "Lots INSEE", Long("Interrogations groupées de l'INSEE prévues avant les vérifications (0 sans clé INSEE).")),
            Property("prefetchBatchesDone", "Lots INSEE faits", Long("Interrogations groupées de l'INSEE déjà faites.")));

        components[RowError] = Object("Une ligne sans verdict.",
            Property("line", "Ligne", Long("La ligne du fichier (la ligne de la feuille pour un XLSX), quand elle est connue.").Nullable()),
            Property("identifier", "Numéro", String("Le numéro tel qu'écrit.").Nullable()),
            Property("code", "Code", String("Code stable, par exemple identifier_invalid_checksum ou siret_unknown.")),
            Property("message", "Motif", String("Le motif en français.")));

        components[Output] = Object("Un fichier de résultats dans le conteneur de sortie.",
            Property("name", "Nom", String("Conteneur et nom du blob, par exemple bulk-out/<jobId>/summary.json.")),
            Property("url", "Adresse", String("L'adresse du blob, sans SAS : il faut un accès au compte de stockage pour le lire.").Nullable()));
    }

    private static OpenApiSchema Long(string description) => new() { Type = "integer", Format = "int64", Description = description };
}
