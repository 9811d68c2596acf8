using Cnucnm.Contracts.Groups;

namespace Cnucnm.Registry.Groups;

/// <summary>
/// The inputs of a group's mean animal from its current members, then the farm's overrides on top. What members
/// cannot tell (breed, physiological state, mature weight, target gain, environment, target intake) stays as the
/// group has it. A value no member has a record for (no weighing yet; in a lactating group, no calving or no milk
/// test) also stays, and is named in <see cref="GroupDerivation.Unknown"/>: nothing is invented, a lactating group
/// whose members have no recorded calving keeps its days in milk and says they are unknown rather than 0. A group whose
/// state has no milk (steers, heifers, calves, dry cows: <see cref="GroupInputs.HasMilkComponents"/>) carries no milk
/// components (null), whatever its members' records or the farm's overrides say.
/// </summary>
public static class GroupInputsDerivation
{
    /// <summary>The last bucket of <see cref="GroupDerivation.ParityMix"/>: third lactation and later.</summary>
    public const int ParityMixTop = 3;

    /// <summary>The same from the members' records, each member summarized on <paramref name="today"/>.</summary>
    public static GroupDerivation Derive(GroupInputs current, IEnumerable<(Animal Animal, IReadOnlyList<Records.AnimalRecord> Records)> members,
        DateOnly today, GroupInputOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        return Derive(current, [.. members.Select(m => new GroupMember(m.Animal, AnimalDerived.Summarize(m.Animal, m.Records, today)))], overrides);
    }

    public static GroupDerivation Derive(GroupInputs current, IReadOnlyList<GroupMember> members, GroupInputOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(members);
        overrides ??= GroupInputOverrides.None;
        var active = members.Where(m => m.Animal.Status == AnimalStatus.Active).ToList();
        var inputs = active.Count == 0 ? current : FromMembers(current, active);
        var pregnant = active.Where(m => m.Summary.DaysPregnant is not null).ToList();
        var parityMix = active.GroupBy(m => Math.Min(m.Summary.LactationNumber, ParityMixTop))
            .ToDictionary(g => g.Key, g => g.Count());
        var (withOverrides, overridden) = Apply(inputs, overrides);
        withOverrides = withOverrides.ForState();
        if (!GroupInputs.HasMilkComponents(current.State))
        {
            overridden.RemoveAll(GroupInputs.MilkComponentNames.Contains); // an override of a component the state has not is not applied
        }

        return new GroupDerivation(
            withOverrides,
            active.Count,
            active.Count == 0 ? 0 : (double)pregnant.Count / active.Count,
            pregnant.Count == 0 ? null : pregnant.Average(m => m.Summary.DaysPregnant!.Value),
            parityMix,
            overridden,
            active.Count == 0 ? [] : [.. Unknown(current.State, active).Except(overridden, StringComparer.Ordinal)]);
    }

    /// <summary>The inputs no member has a record for: kept as the group has them.</summary>
    private static IEnumerable<string> Unknown(PhysiologicalState state, List<GroupMember> members)
    {
        if (members.All(m => m.Summary.BodyWeightKg is null))
        {
            yield return "bodyWeightKg";
        }

        if (members.All(m => m.Summary.BodyConditionScore is null))
        {
            yield return "bodyConditionScore";
        }

        if (state != PhysiologicalState.LactatingCow)
        {
            yield break;
        }

        var lactating = members.Where(m => m.Summary.DaysInMilk is not null).ToList();
        if (lactating.Count == 0)
        {
            yield return "daysInMilk";
        }

        if (lactating.All(m => m.Summary.LatestMilkTest is null))
        {
            foreach (var milk in new[] { "milkKgPerDay", "milkFatPercent", "milkTrueProteinPercent", "milkLactosePercent" })
            {
                yield return milk;
            }
        }
    }

    private static GroupInputs FromMembers(GroupInputs current, List<GroupMember> members)
    {
        var groupScale = AnimalBreeds.All.FirstOrDefault(b => b.GroupBreed == current.Breed)?.Scale
            ?? (current.Breed is Breed.Holstein or Breed.Jersey ? BodyConditionScale.Dairy5 : BodyConditionScale.Beef9);
        var weighed = members.Where(m => m.Summary.BodyWeightKg is not null).ToList();
        var scored = members.Where(m => m.Summary.BodyConditionScore is not null).ToList();
        var lactating = members.Where(m => m.Summary.DaysInMilk is not null).ToList();
        var tested = lactating.Where(m => m.Summary.LatestMilkTest is not null).Select(m => m.Summary.LatestMilkTest!).ToList();
        var pregnant = members.Where(m => m.Summary.DaysPregnant is not null).ToList();
        var milkKg = tested.Sum(t => t.MilkKgPerDay);

        // Components of the group's milk are yield-weighted (Σ kg milk × % / Σ kg milk): the mean cow's fat and protein
        // output then equals the group's output divided by its cows, which is what the energy and protein of milk need.
        double? Weighted(Func<Records.MilkTest, double> percent, double? fallback) =>
            milkKg > 0 ? tested.Sum(t => t.MilkKgPerDay * percent(t)) / milkKg : fallback;

        return current with
        {
            HeadCount = members.Count,
            BodyWeightKg = weighed.Count > 0 ? weighed.Average(m => m.Summary.BodyWeightKg!.Value) : current.BodyWeightKg,
            // Scores are averaged on the group's scale: a dairy 3.0 in a beef-scored group counts as 5.0 (BodyCondition).
            BodyConditionScore = scored.Count > 0
                ? scored.Average(m => BodyCondition.Convert(m.Summary.BodyConditionScore!.Value, m.Summary.BodyConditionScale, groupScale))
                : current.BodyConditionScore,
            AgeDays = Round(members.Average(m => m.Summary.AgeDays)),
            Parity = Round(members.Average(m => m.Summary.LactationNumber)),
            // No member has calved on record: a lactating group keeps its own days in milk (flagged unknown), never 0.
            DaysInMilk = lactating.Count > 0 ? Round(lactating.Average(m => m.Summary.DaysInMilk!.Value))
                : current.State == PhysiologicalState.LactatingCow ? current.DaysInMilk : null,
            // The mean animal is pregnant when most members are: her days pregnant are the pregnant members' mean
            // (gestation requirements rise steeply late in pregnancy, so averaging open cows in as 0 would misdate them).
            DaysPregnant = pregnant.Count * 2 >= members.Count && pregnant.Count > 0
                ? Round(pregnant.Average(m => m.Summary.DaysPregnant!.Value))
                : 0,
            MilkKgPerDay = lactating.Count > 0 && tested.Count > 0 ? milkKg / tested.Count : current.MilkKgPerDay,
            MilkFatPercent = Weighted(t => t.FatPercent, current.MilkFatPercent),
            MilkTrueProteinPercent = Weighted(t => t.TrueProteinPercent, current.MilkTrueProteinPercent),
            MilkLactosePercent = Weighted(t => t.LactosePercent, current.MilkLactosePercent),
        };
    }

    /// <summary>Means of whole days and lactation numbers, halves rounded up.</summary>
    private static int Round(double mean) => (int)Math.Round(mean, MidpointRounding.AwayFromZero);

    private static (GroupInputs Inputs, List<string> Overridden) Apply(GroupInputs inputs, GroupInputOverrides o)
    {
        var names = new List<string>();
        T Pick<T>(T? value, T derived, string name)
            where T : struct
        {
            if (value is null)
            {
                return derived;
            }

            names.Add(name);
            return value.Value;
        }

        T? PickNullable<T>(T? value, T? derived, string name)
            where T : struct
        {
            if (value is null)
            {
                return derived;
            }

            names.Add(name);
            return value;
        }

        var result = inputs with
        {
            HeadCount = Pick(o.HeadCount, inputs.HeadCount, "headCount"),
            BodyWeightKg = Pick(o.BodyWeightKg, inputs.BodyWeightKg, "bodyWeightKg"),
            BodyConditionScore = Pick(o.BodyConditionScore, inputs.BodyConditionScore, "bodyConditionScore"),
            AgeDays = Pick(o.AgeDays, inputs.AgeDays, "ageDays"),
            Parity = Pick(o.Parity, inputs.Parity, "parity"),
            DaysInMilk = PickNullable(o.DaysInMilk, inputs.DaysInMilk, "daysInMilk"),
            DaysPregnant = Pick(o.DaysPregnant, inputs.DaysPregnant, "daysPregnant"),
            MilkKgPerDay = PickNullable(o.MilkKgPerDay, inputs.MilkKgPerDay, "milkKgPerDay"),
            MilkFatPercent = PickNullable(o.MilkFatPercent, inputs.MilkFatPercent, "milkFatPercent"),
            MilkTrueProteinPercent = PickNullable(o.MilkTrueProteinPercent, inputs.MilkTrueProteinPercent, "milkTrueProteinPercent"),
            MilkLactosePercent = PickNullable(o.MilkLactosePercent, inputs.MilkLactosePercent, "milkLactosePercent"),
        };
        return (result, names);
    }
}
