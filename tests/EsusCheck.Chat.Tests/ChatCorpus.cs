using EsusCheck.Chat.Tests.Support;
using static EsusCheck.Chat.Tests.Support.TestCompanies;

namespace EsusCheck.Chat.Tests;

/// <summary>One message as a buyer would type it, and what the bot must get from it: the intent, the numbers (SIRET or
/// SIREN digits, or the error code of a number that cannot be checked), the CPV code, and facts the reply must state.</summary>
public sealed record CorpusCase(
    string Message,
    string Intent,
    string[]? Identifiers = null,
    string? Cpv = null,
    string[]? ReplyContains = null,
    string[]? ReplyExcludes = null)
{
    public override string ToString() => Message;
}

/// <summary>The corpus: typos, missing accents, several numbers, SIREN vs SIRET, spreadsheet damage, CPV in words and in
/// digits, rule questions, help, small talk and off-topic messages.</summary>
public static class ChatCorpus
{
    private const string Legifrance = "https://www.legifrance.gouv.fr/";

    public static readonly IReadOnlyList<CorpusCase> Cases =
    [
        // A company number alone: the whole picture.
        new("418 166 096 00069", "check_company", [JardinsSiret], null,
            ["ASSOCIATION LES JARDINS DU COEUR", "SIRET 418 166 096 00069", "Agrément ESUS : agréée", "Économie sociale et solidaire (ESS) : oui",
             "structures d'insertion par l'activité économique (L2113-13) : éligible", "Données des registres publics du 12 mars 2026",
             "liste nationale des agréments ESUS publiée le 1er février 2026", Legifrance]),
        new("41816609600069", "check_company", [JardinsSiret], null, ["ASSOCIATION LES JARDINS DU COEUR"]),
        new("418.166.096.00069", "check_company", [JardinsSiret], null, ["ASSOCIATION LES JARDINS DU COEUR"]),
        new("siret : 418166096 00069 svp", "check_company", [JardinsSiret], null, ["ASSOCIATION LES JARDINS DU COEUR"]),
        new("SIREN 418166096", "check_company", [JardinsSiren], null, ["SIRET 418 166 096 00069 (siège)", "agréée"]),

        // ESUS questions, with and without accents, SIREN or SIRET.
        new("418.166.096.00069 est-elle agréée ESUS ?", "esus_question", [JardinsSiret], null,
            ["**Agrément ESUS : agréée.**", "figure sur la liste nationale des agréments ESUS", "L3332-17-1", Legifrance]),
        new("est ce que le 41816609600069 est agreee esus", "esus_question", [JardinsSiret], null, ["Agrément ESUS : agréée"]),
        new("le siren 418 166 096 a-t-il l'agrement ESUS ?", "esus_question", [JardinsSiren], null, ["Agrément ESUS : agréée"]),
        new("Bonjour, 732 829 320 00074 est-elle ESUS ?", "esus_question", [NettoyageSiret], null,
            ["**Agrément ESUS : non agréée.**", "ne figure pas sur la liste nationale"]),
        new("73282932000074 a til l'agremment esus", "esus_question", [NettoyageSiret], null, ["Agrément ESUS : non agréée"]),

        // ESS questions.
        new("le 53374499100035 est il dans l'ESS ?", "ess_question", [InsertionSiret], null,
            ["**Économie sociale et solidaire (ESS) : oui.**", "Loi n° 2014-856"]),
        new("732829320 fait partie de l'economie sociale et solidaire ?", "ess_question", [NettoyageSiren], null,
            ["Économie sociale et solidaire (ESS) : non identifiée comme entreprise de l'ESS", "extrait Kbis"]),

        // Reserved contracts, with an article, a CPV code in digits or a service in words.
        new("peut-on lui réserver un marché ? 732 829 320 00074", "reserved_contract_question", [NettoyageSiret], null,
            ["non éligible", "SOCIETE GENERALE DE NETTOYAGE"]),
        new("73282932000074 peut on lui reserver un marche", "reserved_contract_question", [NettoyageSiret], null, ["non éligible"]),
        new("Est-ce que 53374499100035 peut candidater à un marché réservé L2113-13 ?", "reserved_contract_question", [InsertionSiret], null,
            ["**Marché réservé aux structures d'insertion par l'activité économique (L2113-13) : éligible.**", "entreprise d'insertion (EI)",
             "https://www.legifrance.gouv.fr/search/code?query=L2113-13"]),
        new("41816609600069 marché de crèche", "reserved_contract_question", [JardinsSiret], "85312110",
            ["Service compris : Services de garderie d'enfants (code CPV 85312110)",
             "**Marché de services sociaux réservé aux entreprises de l'ESS et aux structures équivalentes (L2113-15) : à vérifier.**", "L2113-16"]),
        new("41816609600069 cpv 85312110-3", "reserved_contract_question", [JardinsSiret], "85312110",
            ["(L2113-15) : à vérifier", "code CPV 85312110-3 relève des services pouvant être réservés"]),
        new("418 166 096 00069 pour de l'aide à domicile", "reserved_contract_question", [JardinsSiret], "85312000",
            ["Services d'action sociale sans hébergement", "(L2113-15) : à vérifier"]),
        new("peut-on reserver a 41816609600069 un marche de formation professionelle", "reserved_contract_question", [JardinsSiret], "80511000",
            ["Services de formation du personnel", "(L2113-15) : à vérifier"]),
        new("73282932000074 pour un marche de nettoyage des locaux", "reserved_contract_question", [NettoyageSiret], "90910000",
            ["Services de nettoyage (code CPV 90910000)", "(L2113-15) : non éligible", "ne figure pas parmi les services sociaux"]),
        new("Mon fournisseur 77567227200017 peut-il avoir un lot réservé handicap ?", "reserved_contract_question", [EsatSiret], null,
            ["**Marché réservé aux entreprises adaptées et aux ESAT (L2113-12) : éligible.**", "répertoire FINESS"]),
        new("32630015900018 marché réservé insertion ?", "reserved_contract_question", [GeiqSiret], null,
            ["(L2113-13) : à vérifier.**", "À vérifier :", "structure équivalente"]),

        // Several numbers in one message.
        new("53374499100035 et 73282932000074", "check_company", [InsertionSiret, NettoyageSiret], null, ["IDDEE 13", "SOCIETE GENERALE DE NETTOYAGE"]),
        new("Vérifie 418166096, 732829320 et 533744991 stp", "check_company", [JardinsSiren, NettoyageSiren, InsertionSiren], null,
            ["ASSOCIATION LES JARDINS DU COEUR", "SOCIETE GENERALE DE NETTOYAGE", "IDDEE 13"]),
        new("418166096 732829320", "check_company", [JardinsSiren, NettoyageSiren], null, ["ASSOCIATION LES JARDINS DU COEUR", "SOCIETE GENERALE DE NETTOYAGE"]),
        new("verifier siret 418 166 096 00069 et siren 732829320", "check_company", [JardinsSiret, NettoyageSiren], null,
            ["ASSOCIATION LES JARDINS DU COEUR", "SOCIETE GENERALE DE NETTOYAGE"]),

        // Numbers a spreadsheet or a typo damaged: said in French, never guessed.
        new("4,18166E+13", "check_company", ["identifier_excel_scientific_notation"], null, ["notation scientifique", "format texte"]),
        new("le siret 41816609600069.0 est il esus ?", "esus_question", ["identifier_excel_decimal_suffix"], null, ["suffixe décimal"]),
        new("SIRET 4181660960006", "check_company", ["identifier_leading_zero_lost"], null, ["zéro initial"]),
        new("SIREN 41816609", "check_company", ["identifier_leading_zero_lost"], null, ["zéro initial", "au lieu des 9 d'un SIREN"]),
        new("41816609600068", "check_company", [ "41816609600068" ], null, ["clé de contrôle", "faute de frappe"]),
        new("418166097 est-elle agréée ?", "esus_question", ["identifier_invalid_checksum"], null, ["clé de contrôle du SIREN 418 166 097"]),
        new("418166096000", "check_company", ["identifier_wrong_length"], null, ["compte 14 chiffres, celui-ci en compte 12"]),

        // What the registries say about the company itself.
        new("88087814500015", "check_company", [CeasedSiret], null, ["GANYMEDE", "cessée depuis le 22 octobre 2022", "non éligible"]),
        new("55210055400013", "check_company", [UnknownSiret], null, ["Entreprise inconnue : aucun établissement ne porte le SIRET 552 100 554 00013"]),
        new("13000548100010", "check_company", [OutageSiret], null, ["Registres indisponibles", "Réessayez plus tard"]),

        // A company question without a company.
        new("est-elle agréée ESUS ?", "esus_question", [], null, ["De quelle entreprise s'agit-il ?"]),
        new("peut-on lui réserver un marché de crèche ?", "reserved_contract_question", [], "85312110",
            ["De quelle entreprise s'agit-il ?", "Services de garderie d'enfants"]),

        // Rules explained from the rule tables.
        new("C'est quoi un marché réservé L2113-13 ?", "explain_rule", [], null,
            ["Article L2113-13 du code de la commande publique", "structures d'insertion par l'activité économique", "L5132-4",
             "Une entreprise d'insertion (EI)", "GEIQ", "structure équivalente", "https://www.legifrance.gouv.fr/search/code?query=L2113-13"]),
        new("c quoi l'article L2113-12", "explain_rule", [], null, ["entreprises adaptées", "50 %", "R2113-7"]),
        new("que dit l'article L. 2113-13-1", "explain_rule", [], null, ["personnes détenues", "Une structure du travail pénitentiaire (SEP)"]),
        new("explique moi l2113 15 stp", "explain_rule", [], null, ["économie sociale et solidaire", "Services sportifs", "L2113-16", "3 ans"]),
        new("qu'est ce que l'agrement esus", "explain_rule", [], null,
            ["entreprise solidaire d'utilité sociale", "5 ans", "2 ans", "DG Trésor", "1er février", "1er juillet", "de plein droit", "L3332-17-1"]),
        new("definition ESS", "explain_rule", [], null, ["associations", "fondations", "mutuelles", "coopératives", "loi n° 2014-856"]),
        new("c'est quoi un GEIQ ?", "explain_rule", [], null, ["Groupement d'employeurs pour l'insertion et la qualification (GEIQ)", "n'est pas une SIAE", "structure équivalente"]),
        new("ESAT ?", "explain_rule", [], null, ["Établissement et service d'aide par le travail (ESAT)", "L2113-12", "plein droit"]),
        new("L2113-14 c'est quoi", "explain_rule", [], null, ["L2113-12", "L2113-13", "ne se combine pas"]),
        new("Quels marchés peut-on réserver ?", "explain_rule", [], null, ["L2113-12", "L2113-13", "L2113-13-1", "L2113-15"]),
        new("une creche peut elle etre reservee a l'ESS ?", "explain_rule", [], "85312110",
            ["Services de garderie d'enfants", "fait partie des services sociaux", "L2113-15"]),
        new("CPV 90910000", "explain_rule", [], "90910000", ["ne figure pas parmi les services sociaux", "L2113-13"]),
        new("85312110", "explain_rule", [], "85312110", ["fait partie des services sociaux"]),

        // Help, small talk, off-topic.
        new("aide", "help", [], null, ["Je vérifie", "ESUS", "L2113-15", "418 166 096 00069"]),
        new("Aide !", "help", [], null, ["Je vérifie"]),
        new("que sais-tu faire ?", "help", [], null, ["Je vérifie"]),
        new("bonjour", "greeting", [], null, ["Bonjour !", "Je vérifie"]),
        new("merci beaucoup", "thanks", [], null, ["Avec plaisir"]),
        new("quel temps fait-il à Paris ?", "off_topic", [], null, ["Je ne sais pas répondre à cette question", "Je vérifie"]),
        new("donne moi une recette de crêpes", "off_topic", [], null, ["Je ne sais pas répondre"]),
        new("Quel est le seuil de publicité pour un marché de fournitures en 2026 ?", "off_topic", [], null, ["Je ne sais pas répondre"]),
    ];
}
