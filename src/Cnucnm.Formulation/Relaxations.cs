using System.Globalization;
using System.Text.RegularExpressions;

namespace Cnucnm.Formulation;

/// <summary>Applies a <see cref="Relaxation"/> of an infeasibility explanation to the request it came from
/// (the UI's one-click fix): sets <see cref="ConstraintReference.Field"/> to <see cref="Relaxation.FieldValue"/>.</summary>
public static partial class Relaxations
{
    public static FormulationRequest Apply(FormulationRequest request, Relaxation relaxation)
    {
        ArgumentNullException.ThrowIfNull(relaxation);
        return Set(request, relaxation.Constraint.Field, relaxation.FieldValue);
    }

    /// <summary>Sets one bound of the request by its field path (<c>feeds[3].maxKgDm</c>, <c>requirements.Met.minPercent</c>,
    /// <c>guardRails.maxCrudeProteinPercentOfDm</c>, <c>dryMatterIntakeKg.max</c> …); an unknown path is an <see cref="ArgumentException"/>.</summary>
    public static FormulationRequest Set(FormulationRequest request, string field, double value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(field);
        if (Indexed().Match(field) is { Success: true } m)
        {
            var list = m.Groups["list"].Value;
            var i = int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture);
            var rest = m.Groups["rest"].Value;
            switch (list)
            {
                case "feeds":
                    return request with { Feeds = Replace(request.Feeds!, i, f => rest == "maxKgDm" ? f with { MaxKgDm = value } : f with { MinKgDm = value }) };
                case "nutrients":
                    return request with
                    {
                        Nutrients = Replace(request.Nutrients!, i, n => rest switch
                        {
                            "perDay.min" => n with { PerDay = (n.PerDay ?? new Bounds()) with { Min = value } },
                            "perDay.max" => n with { PerDay = (n.PerDay ?? new Bounds()) with { Max = value } },
                            "perKgDm.min" => n with { PerKgDm = (n.PerKgDm ?? new Bounds()) with { Min = value } },
                            "perKgDm.max" => n with { PerKgDm = (n.PerKgDm ?? new Bounds()) with { Max = value } },
                            _ => throw Unknown(field),
                        }),
                    };
                case "ratios":
                    return request with
                    {
                        Ratios = Replace(request.Ratios!, i, r => rest == "minShareOfDm" ? r with { MinShareOfDm = value } : r with { MaxShareOfDm = value }),
                    };
                case "options.inventory":
                    var options = request.Options!;
                    return request with { Options = options with { Inventory = Replace(options.Inventory!, i, s => s with { AvailableKgAsFed = value }) } };
            }
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? field : field[..dot];
        var tail = dot < 0 ? "" : field[(dot + 1)..];
        switch (head)
        {
            case "dryMatterIntakeKg":
                var intake = request.DryMatterIntakeKg ?? new Bounds();
                return request with { DryMatterIntakeKg = tail == "min" ? intake with { Min = value } : intake with { Max = value } };
            case "requirements":
            {
                var split = tail.LastIndexOf('.');
                var name = tail[..split];
                var requirements = new Dictionary<string, RequirementTarget>(request.Requirements ?? new Dictionary<string, RequirementTarget>(), StringComparer.Ordinal);
                var target = requirements.GetValueOrDefault(name) ?? new RequirementTarget();
                requirements[name] = tail[(split + 1)..] == "minPercent" ? target with { MinPercent = value } : target with { MaxPercent = value };
                return request with { Requirements = requirements };
            }

            case "guardRails":
            {
                var rails = request.GuardRails ?? new GuardRails();
                rails = tail switch
                {
                    "minForageNdfPercentOfDm" => rails with { MinForageNdfPercentOfDm = value },
                    "minNdfPercentOfDm" => rails with { MinNdfPercentOfDm = value },
                    "maxStarchPercentOfDm" => rails with { MaxStarchPercentOfDm = value },
                    "maxFatPercentOfDm" => rails with { MaxFatPercentOfDm = value },
                    "minRumenNitrogenBalanceGramsPerDay" => rails with { MinRumenNitrogenBalanceGramsPerDay = value },
                    "maxEnergyPercentOfRequirement" => rails with { MaxEnergyPercentOfRequirement = value },
                    "maxCrudeProteinPercentOfDm" => rails with { MaxCrudeProteinPercentOfDm = value },
                    "minCrudeProteinPercentOfDm" => rails with { MinCrudeProteinPercentOfDm = value },
                    "maxMetabolizableProteinPercentOfRequirement" => rails with { MaxMetabolizableProteinPercentOfRequirement = value },
                    "maxSupplementalSeleniumMgPerKgDm" => rails with { MaxSupplementalSeleniumMgPerKgDm = value },
                    "minCalciumToPhosphorus" => rails with { MinCalciumToPhosphorus = value },
                    "maxCalciumToPhosphorus" => rails with { MaxCalciumToPhosphorus = value },
                    "maxDcadMilliequivalentsPerKgDm" => rails with { MaxDcadMilliequivalentsPerKgDm = value },
                    _ when tail.StartsWith("maxMineralPerKgDm.", StringComparison.Ordinal) => rails with
                    {
                        MaxMineralPerKgDm = new Dictionary<string, double>(rails.MaxMineralPerKgDm ?? new Dictionary<string, double>(), StringComparer.Ordinal)
                        {
                            [tail["maxMineralPerKgDm.".Length..]] = value,
                        },
                    },
                    _ => throw Unknown(field),
                };
                return request with { GuardRails = rails };
            }

            case "beef" when tail.StartsWith("guardRails.", StringComparison.Ordinal):
                return request with { Beef = Beef.BeefRelaxations.Apply(request.Beef!, tail["guardRails.".Length..], value) };

            case "options" when tail.StartsWith("fixedKgDm.", StringComparison.Ordinal):
            {
                var options = request.Options!;
                var fixedAmounts = new Dictionary<string, double>(options.FixedKgDm!, StringComparer.Ordinal) { [tail["fixedKgDm.".Length..]] = value };
                return request with { Options = options with { FixedKgDm = fixedAmounts } };
            }

            case "options" when tail == "changes.maxChangedFeeds":
            {
                var options = request.Options!;
                return request with { Options = options with { Changes = options.Changes! with { MaxChangedFeeds = (int)Math.Ceiling(value) } } };
            }
        }

        throw Unknown(field);
    }

    /// <summary>Applies a verified <see cref="Suggestion"/> of a best-possible ration: adds its feeds and sets its fields.</summary>
    public static FormulationRequest Apply(FormulationRequest request, Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(suggestion);
        if (suggestion.AddFeeds.Count > 0)
        {
            request = request with { Feeds = [.. request.Feeds ?? [], .. suggestion.AddFeeds] };
        }

        foreach (var change in suggestion.Changes)
        {
            request = Apply(request, change);
        }

        return request;
    }

    private static List<T> Replace<T>(IReadOnlyList<T> list, int index, Func<T, T> change)
    {
        var copy = list.ToList();
        copy[index] = change(copy[index]);
        return copy;
    }

    private static ArgumentException Unknown(string field) => new($"No request field '{field}' to relax.", nameof(field));

    [GeneratedRegex(@"^(?<list>feeds|nutrients|ratios|options\.inventory)\[(?<index>\d+)\]\.(?<rest>.+)$")]
    private static partial Regex Indexed();
}
