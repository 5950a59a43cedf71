namespace EsusCheck.Cli.Commands;

/// <summary>The usage text, in French, generated from the commands' specs.</summary>
internal static class Help
{
    public static void WriteGeneral(TextWriter writer, IEnumerable<ICliCommand> commands)
    {
        writer.WriteLine("esuscheck — ESS, agrément ESUS et marchés réservés d'un fournisseur, avec la loi applicable.");
        writer.WriteLine();
        writer.WriteLine("Commandes :");
        foreach (var command in commands)
        {
            writer.WriteLine($"  {command.Spec.Usage}");
            writer.WriteLine($"      {command.Spec.Summary}");
        }
        writer.WriteLine();
        writer.WriteLine("Aide d'une commande : esuscheck COMMANDE --help");
        writer.WriteLine("Codes de sortie : 0 rapport produit, 2 saisie invalide, 3 inconnu des registres, 4 registres indisponibles, 1 erreur inattendue.");
    }

    public static void WriteCommand(TextWriter writer, CommandSpec spec)
    {
        writer.WriteLine("Usage : " + spec.Usage);
        writer.WriteLine();
        writer.WriteLine(spec.Summary);
        if (spec.Arguments.Count > 0)
        {
            writer.WriteLine();
            foreach (var argument in spec.Arguments) writer.WriteLine($"  {argument.Name,-22} {argument.Description}");
        }
        if (spec.Options.Count > 0)
        {
            writer.WriteLine();
            foreach (var option in spec.Options)
                writer.WriteLine($"  {(option.ValueName is null ? option.Name : $"{option.Name} {option.ValueName}"),-22} {option.Description}");
        }
    }
}
