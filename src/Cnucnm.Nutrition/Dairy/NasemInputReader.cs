using Cnucnm.FieldValidation;
using System.Text.Json;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>
/// Reads the input shape of the open NASEM implementations: <c>animal_input</c> (NASEM names),
/// <c>equation_selection</c> and <c>diet</c> (<c>Feedstuff</c> = Fd_Name, <c>kg_DM_per_d</c>). Every
/// problem is reported with its field: unknown keys, missing inputs, unknown feeds (with the closest
/// names), out-of-range values.
/// </summary>
public static class NasemInputReader
{
    private sealed record NumericInput(string Key, double Min, double Max, bool Required = true, double Default = 0);

    private static readonly NumericInput[] AnimalNumbers =
    [
        new("An_Parity_rl", 0, 15),
        new("Trg_MilkProd", 0, 100),
        new("An_BW", double.Epsilon, 1500),
        new("An_BCS", 0, 5),
        new("An_LactDay", 0, 1000),
        new("Trg_MilkFatp", 0, 100),
        new("Trg_MilkTPp", 0, 100),
        new("Trg_MilkLacp", 0, 100),
        new("Trg_Dt_DMIn", 0, 60),
        new("An_BW_mature", double.Epsilon, 1500),
        new("Trg_FrmGain", -3, 5),
        new("An_GestDay", 0, 320),
        new("An_GestLength", double.Epsilon, 320),
        new("Trg_RsrvGain", -5, 5),
        new("Fet_BWbrth", 0, 100),
        new("An_AgeDay", 0, 10000),
        new("An_305RHA_MlkTP", 0, 2000),
        new("An_AgeDryFdStart", 0, 1000),
        new("Env_TempCurr", -50, 60),
        new("Env_DistParlor", 0, 20000),
        new("Env_TripsParlor", 0, 20),
        new("Env_Topo", 0, 5000),
        new("An_AgeConcept1st", 0, 3000, Required: false, Default: 0),
    ];

    private static readonly (string Key, int Min, int Max)[] Equations =
    [
        ("Use_DNDF_IV", 0, 2), ("DMIn_eqn", 0, 17), ("mProd_eqn", 0, 4), ("MiN_eqn", 1, 3), ("NonMilkCP_ClfLiq", 0, 1),
        ("Monensin_eqn", 0, 1), ("mPrt_eqn", 0, 3), ("mFat_eqn", 0, 1), ("RumDevDisc_Clf", 0, 1),
    ];

    private static readonly Dictionary<string, PhysiologicalState> States = new(StringComparer.Ordinal)
    {
        ["Calf"] = PhysiologicalState.Calf,
        ["Heifer"] = PhysiologicalState.Heifer,
        ["Dry Cow"] = PhysiologicalState.DryCow,
        ["Lactating Cow"] = PhysiologicalState.LactatingCow,
        ["Other"] = PhysiologicalState.Other,
    };

    private static readonly Dictionary<string, DairyBreed> Breeds = new(StringComparer.Ordinal)
    {
        ["Holstein"] = DairyBreed.Holstein,
        ["Jersey"] = DairyBreed.Jersey,
        ["Other"] = DairyBreed.Other,
    };

    public static (DairyInput? Input, IReadOnlyList<FieldError> Errors) Read(JsonElement root, FeedLibrary library)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, [new FieldError("$", "must be a JSON object with animal_input, equation_selection and diet.")]);
        }

        foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("animal_input" or "equation_selection" or "diet" or "infusion_input")))
        {
            errors.Add(new FieldError(property.Name, "is not a known input section (animal_input, equation_selection, diet)."));
        }

        if (root.TryGetProperty("infusion_input", out var infusions))
        {
            // The NASEM software's infusion inputs (experimental infusions) are accepted only when they infuse nothing.
            foreach (var property in infusions.ValueKind == JsonValueKind.Object ? infusions.EnumerateObject() : Enumerable.Empty<JsonProperty>())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.GetDouble() != 0)
                {
                    errors.Add(new FieldError($"infusion_input.{property.Name}", "infusions are not modelled: give 0 or leave out infusion_input."));
                }
            }
        }

        var animal = Section(root, "animal_input", errors);
        var equations = Section(root, "equation_selection", errors);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        string? state = null, breed = null;
        if (animal is { } a)
        {
            var known = AnimalNumbers.Select(n => n.Key).Append("An_StatePhys").Append("An_Breed").ToHashSet(StringComparer.Ordinal);
            foreach (var property in a.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                errors.Add(new FieldError($"animal_input.{property.Name}", "is not a known animal input."));
            }

            foreach (var input in AnimalNumbers)
            {
                var path = $"animal_input.{input.Key}";
                if (!a.TryGetProperty(input.Key, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    if (input.Required)
                    {
                        errors.Add(new FieldError(path, "is required."));
                    }

                    numbers[input.Key] = input.Default;
                    continue;
                }

                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    errors.Add(new FieldError(path, "must be a number."));
                    continue;
                }

                if (number < input.Min || number > input.Max)
                {
                    errors.Add(new FieldError(path, input.Min == double.Epsilon
                        ? $"must be greater than 0 and at most {input.Max}."
                        : $"must be between {input.Min} and {input.Max}."));
                }

                numbers[input.Key] = number;
            }

            state = Text(a, "An_StatePhys", States.Keys, errors);
            breed = Text(a, "An_Breed", Breeds.Keys, errors);
        }

        var selection = new Dictionary<string, int>(StringComparer.Ordinal);
        if (equations is { } e)
        {
            foreach (var property in e.EnumerateObject().Where(p => Equations.All(q => q.Key != p.Name)))
            {
                errors.Add(new FieldError($"equation_selection.{property.Name}", "is not a known equation switch."));
            }

            foreach (var (key, min, max) in Equations)
            {
                var path = $"equation_selection.{key}";
                if (!e.TryGetProperty(key, out var value))
                {
                    errors.Add(new FieldError(path, "is required."));
                }
                else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var choice))
                {
                    errors.Add(new FieldError(path, "must be a whole number."));
                }
                else if (choice < min || choice > max)
                {
                    errors.Add(new FieldError(path, $"must be between {min} and {max}."));
                }
                else
                {
                    selection[key] = choice;
                }
            }
        }

        var diet = new List<DietEntry>();
        if (!root.TryGetProperty("diet", out var dietElement))
        {
            errors.Add(new FieldError("diet", "is required."));
        }
        else if (dietElement.ValueKind != JsonValueKind.Array || dietElement.GetArrayLength() == 0)
        {
            errors.Add(new FieldError("diet", "must be a non-empty list of {\"Feedstuff\", \"kg_DM_per_d\"}."));
        }
        else
        {
            var index = 0;
            foreach (var item in dietElement.EnumerateArray())
            {
                ReadDietItem(item, index++, library, diet, errors);
            }

            if (diet.Count > 0 && diet.Sum(d => d.KgDryMatterPerDay) <= 0)
            {
                errors.Add(new FieldError("diet", "the amounts must add up to more than 0 kg DM/d."));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var eq = new EquationSelection(selection["Use_DNDF_IV"], selection["DMIn_eqn"], selection["mProd_eqn"], selection["MiN_eqn"],
            selection["NonMilkCP_ClfLiq"], selection["Monensin_eqn"], selection["mPrt_eqn"], selection["mFat_eqn"], selection["RumDevDisc_Clf"]);
        var dairyAnimal = new DairyAnimal(
            States[state!], Breeds[breed!], numbers["An_BW"], numbers["An_BW_mature"], numbers["An_BCS"], numbers["An_Parity_rl"],
            numbers["An_AgeDay"], numbers["An_LactDay"], numbers["An_GestDay"], numbers["An_GestLength"], numbers["Fet_BWbrth"],
            numbers["Trg_MilkProd"], numbers["Trg_MilkFatp"], numbers["Trg_MilkTPp"], numbers["Trg_MilkLacp"],
            numbers["Trg_FrmGain"], numbers["Trg_RsrvGain"], numbers["Trg_Dt_DMIn"], numbers["An_305RHA_MlkTP"],
            numbers["An_AgeDryFdStart"], numbers["An_AgeConcept1st"],
            new DairyEnvironment(numbers["Env_TempCurr"], numbers["Env_DistParlor"], numbers["Env_TripsParlor"], numbers["Env_Topo"]));
        return (new DairyInput(dairyAnimal, eq, diet), []);
    }

    private static JsonElement? Section(JsonElement root, string name, List<FieldError> errors)
    {
        if (!root.TryGetProperty(name, out var section))
        {
            errors.Add(new FieldError(name, "is required."));
            return null;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(name, "must be an object."));
            return null;
        }

        return section;
    }

    private static string? Text(JsonElement animal, string key, IEnumerable<string> allowed, List<FieldError> errors)
    {
        var path = $"animal_input.{key}";
        var options = allowed.ToList();
        if (!animal.TryGetProperty(key, out var value))
        {
            errors.Add(new FieldError(path, "is required."));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !options.Contains(value.GetString()!))
        {
            errors.Add(new FieldError(path, $"must be one of: {string.Join(", ", options)}."));
            return null;
        }

        return value.GetString();
    }

    private static void ReadDietItem(JsonElement item, int index, FeedLibrary library, List<DietEntry> diet, List<FieldError> errors)
    {
        var path = $"diet[{index}]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, "must be an object with Feedstuff and kg_DM_per_d."));
            return;
        }

        foreach (var property in item.EnumerateObject().Where(p => p.Name is not ("Feedstuff" or "kg_DM_per_d")))
        {
            errors.Add(new FieldError($"{path}.{property.Name}", "is not a known diet field (Feedstuff, kg_DM_per_d)."));
        }

        Feed? feed = null;
        if (!item.TryGetProperty("Feedstuff", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
        {
            errors.Add(new FieldError($"{path}.Feedstuff", "is required (a feed name of the NASEM library)."));
        }
        else if (!library.TryGet(name.GetString()!, out feed))
        {
            errors.Add(new FieldError($"{path}.Feedstuff", $"'{name.GetString()}' is not in the {library.Name} feed library; closest: {string.Join("; ", library.ClosestNames(name.GetString()!))}."));
        }

        if (!item.TryGetProperty("kg_DM_per_d", out var amount) || amount.ValueKind != JsonValueKind.Number || !amount.TryGetDouble(out var kg) || !double.IsFinite(kg))
        {
            errors.Add(new FieldError($"{path}.kg_DM_per_d", "is required (kg DM per day, a number)."));
            return;
        }

        if (kg < 0 || kg > 60)
        {
            errors.Add(new FieldError($"{path}.kg_DM_per_d", "must be between 0 and 60 kg DM/d."));
            return;
        }

        if (feed is not null)
        {
            diet.Add(new DietEntry(feed, kg));
        }
    }
}
