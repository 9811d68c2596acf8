using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Cli.Commands;

/// <summary><c>cnucnm nasem FILE|-</c>: the NASEM (2021) dairy model on a NASEM-shaped JSON input.</summary>
public sealed class NasemCommand : ICliCommand
{
    public string Name => "nasem";

    public string Summary => "Evaluate the NASEM 2021 dairy model on a JSON input (animal_input, equation_selection, diet).";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            console.Out.WriteLine("usage: cnucnm nasem FILE|- [--format json|table]");
            console.Out.WriteLine("  FILE: {\"animal_input\": {...}, \"equation_selection\": {...}, \"diet\": [{\"Feedstuff\": \"Corn silage, typical\", \"kg_DM_per_d\": 9.2}]}");
            console.Out.WriteLine("  Prints every model variable by its NASEM name (amino-acid vectors as objects keyed Arg…Val), and");
            console.Out.WriteLine("  \"composition_notes\" when a feed had blank values that were imputed or assumed 0.");
            return 0;
        }

        var format = "json";
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--format")
            {
                format = i + 1 < args.Count ? args[++i] : throw new CliException("--format needs a value: json or table.", 2);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliException($"unknown option '{args[i]}'.", 2);
            }
            else
            {
                files.Add(args[i]);
            }
        }

        if (files.Count != 1)
        {
            throw new CliException("give exactly one input file, or - for standard input.", 2);
        }

        if (format is not ("json" or "table"))
        {
            throw new CliException($"unknown format '{format}': use json or table.", 2);
        }

        var text = files[0] == "-" ? console.In.ReadToEnd() : ReadFile(files[0]);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new CliException($"the input is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(" Path:")[0]}");
        }

        using (document)
        {
            var (input, errors) = NasemInputReader.Read(document.RootElement, FeedLibrary.Nasem);
            if (input is null)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"cnucnm nasem: {error.Field}: {error.Message}");
                }

                return 1;
            }

            DairyResult result;
            try
            {
                result = DairyModel.Evaluate(input);
            }
            catch (ArgumentException exception)
            {
                throw new CliException(exception.Message);
            }

            if (format == "table")
            {
                NasemTable.Write(result, console.Out);
            }
            else
            {
                var json = ToJson(result.Nasem);
                if (result.CompositionNotes.Count > 0)
                {
                    // Only when there is something to say, so that the object stays NASEM variables for complete feeds.
                    json["composition_notes"] = new JsonArray([.. result.CompositionNotes.Select(n => (JsonNode)new JsonObject
                    {
                        ["feed"] = n.FeedId,
                        ["english"] = n.English,
                        ["korean"] = n.Korean,
                        ["touches"] = new JsonArray([.. n.Touches.Select(t => (JsonNode)JsonValue.Create(t))]),
                    })]);
                }

                console.Out.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }

            return 0;
        }
    }

    private static string ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"input file '{path}' does not exist.");
        }

        return File.ReadAllText(path);
    }

    /// <summary>A flat object; per-AA variables (Name.Aa) become nested objects keyed Arg…Val.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, double> values)
    {
        var root = new JsonObject();
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                root[name] = value;
                continue;
            }

            var parent = name[..dot];
            if (root[parent] is not JsonObject vector)
            {
                root[parent] = vector = [];
            }

            vector[name[(dot + 1)..]] = value;
        }

        return root;
    }
}

/// <summary>The people-facing view of <c>nasem --format table</c>: grouped, labelled, with units.</summary>
internal static class NasemTable
{
    private static readonly (string Group, (string Label, string Variable, string Unit)[] Rows)[] Layout =
    [
        ("Intake", [("Dry matter intake", "Dt_DMIn", "kg DM/d"), ("As-fed intake", "Dt_AFIn", "kg/d"), ("Drinking water", "An_WaIn", "kg/d")]),
        ("Body", [("Metabolic body weight", "An_MBW", "kg^0.75"), ("Empty body weight", "An_BW_empty", "kg"), ("Gravid uterus", "GrUter_Wt", "kg")]),
        ("Energy supply", [("Gross energy", "An_GEIn", "Mcal/d"), ("Digestible energy", "An_DEIn", "Mcal/d"), ("Metabolizable energy", "An_MEIn", "Mcal/d"),
            ("Net energy (lactation)", "An_NEIn", "Mcal/d"), ("Diet ME", "An_ME", "Mcal/kg DM"), ("Diet NEL", "An_NE", "Mcal/kg DM"),
            ("NDF digestibility", "TT_dcNDF", "% of NDF"), ("Methane", "CH4out_g", "g/d")]),
        ("Energy requirements", [("Maintenance NE", "An_NEmUse", "Mcal/d"), ("Maintenance ME", "An_MEmUse", "Mcal/d"), ("Milk NE (target)", "Trg_Mlk_NEout", "Mcal/d"),
            ("Milk ME (target)", "Trg_Mlk_MEout", "Mcal/d"), ("Gestation ME", "Gest_MEuse", "Mcal/d"), ("Frame gain ME", "Frm_MEgain", "Mcal/d"),
            ("Total ME (target)", "Trg_MEuse", "Mcal/d"), ("Total NEL (target)", "Trg_NELuse", "Mcal/d"), ("ME balance", "Trg_MEbal", "Mcal/d")]),
        ("Protein supply", [("Crude protein intake", "Dt_CPIn", "kg/d"), ("RDP", "An_RDPIn", "kg/d"), ("RUP", "An_RUPIn", "kg/d"), ("Microbial N", "Du_MiN_g", "g/d"),
            ("Microbial CP", "Du_MiCP_g", "g/d"), ("Digested microbial TP", "Du_idMiTP_g", "g/d"), ("Digested RUP", "Dt_idRUPIn", "kg/d"), ("MP supply", "An_MPIn_g", "g/d")]),
        ("Protein requirements", [("Maintenance MP", "An_MPm_g_Trg", "g/d"), ("Gestation MP", "Gest_MPUse_g_Trg", "g/d"), ("Milk MP (target)", "Mlk_MPUse_g_Trg", "g/d"),
            ("Frame gain MP", "Frm_MPUse_g_Trg", "g/d"), ("Total MP (target)", "An_MPuse_g_Trg", "g/d"), ("MP balance", "An_MPBal_g_Trg", "g/d")]),
        ("Allowable production", [("Component-predicted milk", "Mlk_Prod_comp", "kg/d"), ("NE-allowable milk", "Mlk_Prod_NEalow", "kg/d"),
            ("MP-allowable milk", "Mlk_Prod_MPalow", "kg/d"), ("NE-allowable gain", "Body_Gain_NEalow", "kg/d"), ("MP-allowable gain", "Body_Gain_MPalowTrg", "kg/d")]),
        ("Macro minerals (absorbed)", [("Ca required", "An_Ca_req", "g/d"), ("Ca absorbed", "Abs_CaIn", "g/d"), ("P required", "An_P_req", "g/d"), ("P absorbed", "Abs_PIn", "g/d"),
            ("Mg required", "An_Mg_req", "g/d"), ("K required", "An_K_req", "g/d"), ("Na required", "An_Na_req", "g/d"), ("Cl required", "An_Cl_req", "g/d"),
            ("S required", "An_S_req", "g/d"), ("DCAD", "An_DCADmeq", "mEq/kg DM")]),
        ("Trace minerals", [("Co required", "An_Co_req", "mg/d"), ("Cu required", "An_Cu_req", "mg/d"), ("Fe required", "An_Fe_req", "mg/d"), ("I required", "An_I_req", "mg/d"),
            ("Mn required", "An_Mn_req", "mg/d"), ("Se required", "An_Se_req", "mg/d"), ("Zn required", "An_Zn_req", "mg/d")]),
        ("Vitamins", [("Vitamin A required", "An_VitA_req", "IU/d"), ("Vitamin D required", "An_VitD_req", "IU/d"), ("Vitamin E required", "An_VitE_req", "IU/d")]),
    ];

    public static void Write(DairyResult result, TextWriter writer)
    {
        foreach (var (group, rows) in Layout)
        {
            writer.WriteLine(group);
            foreach (var (label, variable, unit) in rows)
            {
                var value = result.Nasem.TryGetValue(variable, out var v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
                writer.WriteLine($"  {label,-30} {value,12}  {unit,-12} ({variable})");
            }

            writer.WriteLine();
        }

        writer.WriteLine("Essential amino acids, absorbed vs target (g/d)");
        foreach (var aa in AminoAcids.All)
        {
            var absorbed = result.Nasem[$"Abs_AA_g.{aa}"].ToString("0.0", CultureInfo.InvariantCulture);
            var target = result.Nasem.TryGetValue($"Trg_AbsAA_g.{aa}", out var t) ? t.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
            writer.WriteLine($"  {aa,-5} {absorbed,10} {target,10}");
        }

        // Issue 25: a blank library cell is never silent (docs/science.md, "Blank feed composition").
        if (result.CompositionNotes.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Feed composition imputed or unknown");
            foreach (var note in result.CompositionNotes)
            {
                writer.WriteLine($"  {note.English}");
            }
        }
    }
}
