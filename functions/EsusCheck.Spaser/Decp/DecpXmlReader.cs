using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace EsusCheck.Spaser.Decp;

/// <summary>Streams the contracts of a DECP XML file (<c>&lt;marches&gt;&lt;marche&gt;…</c>, schema v2.0.2): one
/// <c>marche</c> element is loaded at a time. Children in any order, lists as repeated elements, no namespace (one
/// is ignored if present); concessions are counted and left out.</summary>
internal sealed class DecpXmlReader
{
    public long Concessions { get; private set; }

    public async IAsyncEnumerable<DecpRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(stream, settings);
        var lines = (IXmlLineInfo)reader;
        var sawRoot = false;
        var advance = true;
        while (true)
        {
            XElement marche;
            long line;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (advance && !await reader.ReadAsync()) break;
                advance = true;
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "marches":
                        sawRoot = true;
                        continue;
                    case "contrat-concession":
                        Concessions++;
                        await reader.SkipAsync();
                        advance = false;
                        continue;
                    case "marche":
                        line = lines.LineNumber;
                        marche = (XElement)await XNode.ReadFromAsync(reader, cancellationToken);
                        advance = false;
                        break;
                    default:
                        if (!sawRoot)
                            throw DecpFileErrors.Refuse(DecpFileErrors.NoContracts,
                                $"Le fichier XML commence par « {reader.LocalName} » et non par « marches » : ce n'est pas un fichier de données essentielles.");
                        await reader.SkipAsync();
                        advance = false;
                        continue;
                }
            }
            catch (XmlException ex)
            {
                throw DecpFileErrors.Refuse(DecpFileErrors.XmlInvalid,
                    $"Le fichier XML est mal formé à la ligne {ex.LineNumber} : il ne peut pas être lu au-delà.");
            }
            yield return DecpRecordBuilder.Build(ToRaw(marche, line));
        }
        if (!sawRoot)
            throw DecpFileErrors.Refuse(DecpFileErrors.NoContracts,
                "Le fichier XML ne contient pas d'élément « marches » au format des données essentielles de la commande publique.");
    }

    private static RawMarche ToRaw(XElement marche, long line)
    {
        var raw = new RawMarche
        {
            Position = line,
            Id = Text(marche, "id"),
            BuyerId = Child(marche, "acheteur") is { } buyer ? Text(buyer, "id") ?? buyer.Value : null,
            Object = Text(marche, "objet"),
            Cpv = Text(marche, "codeCPV"),
            NotifiedOn = Text(marche, "dateNotification"),
            Amount = Text(marche, "montant"),
            DurationMonths = Text(marche, "dureeMois"),
        };
        raw.Techniques.AddRange(Values(marche, "techniques", "technique"));
        if (Child(marche, "considerationsSociales") is not null)
            raw.SocialConsiderations = Values(marche, "considerationsSociales", "considerationSociale").ToList();
        raw.Holders.AddRange(Operators(Child(marche, "titulaires"), "titulaire"));
        foreach (var act in Items(Child(marche, "actesSousTraitance"), "acteSousTraitance"))
            raw.Subcontracts.Add(new RawSubcontract
            {
                Id = Text(act, "id"),
                Subcontractor = Child(act, "sousTraitant") is { } sub ? Operator(sub) : null,
                Amount = Text(act, "montant"),
                NotifiedOn = Text(act, "dateNotification"),
            });
        foreach (var change in Items(Child(marche, "modificationsActesSousTraitance"), "modificationActesSousTraitance", "modificationActeSousTraitance"))
            raw.SubcontractChanges.Add((Text(change, "id"), Text(change, "montant")));
        foreach (var modification in Items(Child(marche, "modifications"), "modification"))
            raw.Modifications.Add(new RawModification
            {
                Id = Text(modification, "id"),
                NotifiedOn = Text(modification, "dateNotificationModification"),
                Amount = Text(modification, "montant"),
                DurationMonths = Text(modification, "dureeMois"),
                Holders = Child(modification, "titulaires") is { } holders ? Operators(holders, "titulaire").ToList() : null,
            });
        return raw;
    }

    /// <summary>The operators of a list; a list written as one operator's own children (<c>&lt;titulaires&gt;&lt;id&gt;</c>)
    /// is read as that operator.</summary>
    private static IEnumerable<RawOperator> Operators(XElement? list, string item) =>
        list is null ? [] : Child(list, "id") is not null ? [Operator(list)] : Items(list, item).Select(Operator);

    private static RawOperator Operator(XElement element) => new(Text(element, "typeIdentifiant"), Text(element, "id"));

    private static IEnumerable<XElement> Items(XElement? list, params string[] names) =>
        list?.Elements().Where(e => names.Contains(e.Name.LocalName)) ?? [];

    private static IEnumerable<string> Values(XElement marche, string list, string item)
    {
        var values = Items(Child(marche, list), item).Select(e => e.Value).ToList();
        // <modaliteExecution> and its kind are also seen directly under <marche>, without their list element.
        return values.Count > 0 ? values : marche.Elements().Where(e => e.Name.LocalName == item).Select(e => e.Value);
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Text(XElement parent, string name) => Child(parent, name)?.Value;
}
