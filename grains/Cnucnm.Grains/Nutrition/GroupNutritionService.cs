using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Cnucnm.Grains.Farms;
using Cnucnm.Grains.Groups;
using Cnucnm.Formulation.Beef;
using Cnucnm.Grains.Rations;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Grains.Nutrition;

/// <summary>Requirements of a group and balances of a ration from the pure nutrition library.</summary>
public sealed class GroupNutritionService(FarmFeedModels feedModels) : IGroupNutrition, IRationEvaluator
{
    public const string ModelName = "NASEM (2021) dairy";

    public (GroupRequirements? Requirements, string? Problem) Requirements(GroupInputs inputs, FarmProfile farm, Guid farmId,
        IReadOnlyList<FarmFeed> farmFeeds, IReadOnlyList<RationItem>? ration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(farmFeeds);
        var beef = BeefGroupModel.Applies(inputs);
        var (animal, equations, problem) = beef ? (null, EquationSelection.Default, null) : DairyGroupModel.ToModel(inputs, farm);
        if (animal is null && !beef)
        {
            return (null, problem);
        }

        // Intake-driven terms (metabolic fecal protein, maintenance minerals) need a diet: the current ration,
        // or before there is one the farm's feeds in equal shares (provisional: a ration refines them).
        var byId = farmFeeds.ToDictionary(f => f.Definition.FeedId, StringComparer.Ordinal);
        var amounts = ration is { Count: > 0 }
            ? ration.Where(i => byId.ContainsKey(i.FeedId)).Select(i => (byId[i.FeedId], i.KgDryMatterPerHead)).ToList()
            : farmFeeds.Select(f => (f, 1.0)).ToList();
        if (amounts.Count == 0)
        {
            return (null, "add feeds to the farm: intake-dependent requirements need a diet.");
        }

        var (diet, dietProblem) = Diet(farmId, amounts);
        if (diet is null)
        {
            return (null, dietProblem);
        }

        if (beef)
        {
            return BeefRequirements(inputs, farm, diet, ration is { Count: > 0 }, now);
        }

        DairyResult result;
        try
        {
            result = DairyModel.Evaluate(new DairyInput(animal!, equations, diet));
        }
        catch (ArgumentException exception)
        {
            return (null, exception.Message);
        }

        var lines = result.Balances.Select(b => new NutrientLine(b.Nutrient, b.Unit, b.Required)).ToList();
        var model = ration is { Count: > 0 } ? ModelName : ModelName + " (provisional diet: no ration yet)";
        return (new GroupRequirements(now, result.DryMatterIntakeKg, lines, model), null);
    }

    public (IReadOnlyList<NutrientBalance> Balances, RationAnalysis? Analysis, string? Problem) Evaluate(GroupInputs inputs, FarmProfile farm, Guid farmId,
        IReadOnlyList<RationFeedAmount> ration, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ration);
        ArgumentNullException.ThrowIfNull(farm);
        if (ration.Sum(r => r.KgDryMatterPerHead) <= 0)
        {
            return ([], null, "the ration is empty.");
        }

        if (BeefGroupModel.Applies(inputs))
        {
            return BeefBalances(inputs, farm, farmId, ration, at);
        }

        // The balances of what is fed: intake is the ration's sum.
        var (animal, equations, problem) = DairyGroupModel.ToModel(inputs, farm, ration.Sum(r => r.KgDryMatterPerHead));
        if (animal is null)
        {
            return ([], null, problem);
        }

        var (diet, dietProblem) = Diet(farmId, [.. ration.Select(r => (r.Feed, r.KgDryMatterPerHead))]);
        if (diet is null)
        {
            return ([], null, dietProblem);
        }

        var result = DairyModel.Evaluate(new DairyInput(animal, equations, diet));
        return ([.. result.Balances.Select(b => new NutrientBalance(b.Nutrient, b.Unit, b.Required, b.Supplied, b.Balance,
            double.IsFinite(b.PercentOfRequirement) ? b.PercentOfRequirement : 100))], RationAnalyses.From(result, ModelName), null);
    }

    public IReadOnlyList<CompositionNoteLine> CompositionNotes(Guid farmId, IReadOnlyList<RationFeedAmount> ration)
    {
        ArgumentNullException.ThrowIfNull(ration);
        var notes = new List<CompositionNoteLine>();
        foreach (var amount in ration.Where(r => r.KgDryMatterPerHead > 0))
        {
            // The feed as the model sees it (library values, the farm's overrides and analyses): the same feed the balances used.
            if (feedModels.Get(farmId, amount.Feed.Definition).Feed is { } feed)
            {
                notes.AddRange(CompositionNoteLine.For([feed]).Select(n => n with { FeedId = amount.Feed.Definition.FeedId }));
            }
        }

        return notes;
    }

    /// <summary>Beef requirements: the beef model at the group's predicted intake (the diet gives the feeds' proportions).</summary>
    private static (GroupRequirements? Requirements, string? Problem) BeefRequirements(GroupInputs inputs, FarmProfile farm, IReadOnlyList<DietEntry> diet,
        bool rationKnown, DateTimeOffset now)
    {
        var (animal, problem) = ResolveBeefAnimal(inputs, farm, now);
        if (animal is null)
        {
            return (null, problem);
        }

        var result = BeefModel.Evaluate(new BeefInput(animal, diet, BeefIntakeSource.Predicted));
        var (name, balances) = BeefGroupModel.Balances(result);
        var lines = balances.Select(b => new NutrientLine(b.Nutrient, b.Unit, b.Required)).ToList();
        var intake = result.KoreanFeedingStandard?.Requirements.DryMatterIntakeKgPerDay ?? result.DryMatterIntakeKg;
        var model = rationKnown ? name : name + " (provisional diet: no ration yet)";
        return (new GroupRequirements(now, intake, lines, model), null);
    }

    /// <summary>Beef balances of what is fed: intake is the ration's sum.</summary>
    private (IReadOnlyList<NutrientBalance> Balances, RationAnalysis? Analysis, string? Problem) BeefBalances(GroupInputs inputs, FarmProfile farm,
        Guid farmId, IReadOnlyList<RationFeedAmount> ration, DateTimeOffset at)
    {
        var (animal, problem) = ResolveBeefAnimal(inputs, farm, at);
        if (animal is null)
        {
            return ([], null, problem);
        }

        var (diet, dietProblem) = Diet(farmId, [.. ration.Select(r => (r.Feed, r.KgDryMatterPerHead))]);
        if (diet is null)
        {
            return ([], null, dietProblem);
        }

        var result = BeefModel.Evaluate(new BeefInput(animal, diet));
        var (model, balances) = BeefGroupModel.Balances(result);
        return ([.. balances.Select(b => new NutrientBalance(b.Nutrient, b.Unit, b.Required, b.Supplied, b.Balance,
            double.IsFinite(b.PercentOfRequirement) ? b.PercentOfRequirement : 100))], RationAnalyses.From(result, diet, model), null);
    }

    /// <summary>The beef model's animal of the group, with the phase's default gain where the group leaves it at 0, in the farm's
    /// climate for the farm's month at <paramref name="at"/>.</summary>
    private static (BeefAnimal? Animal, string? Problem) ResolveBeefAnimal(GroupInputs inputs, FarmProfile farm, DateTimeOffset at)
    {
        var (beef, problem) = BeefGroupModel.ToModel(inputs, farm.Location.Province, FarmClock.LocalMonth(at, farm.TimeZone));
        if (beef is null)
        {
            return (null, problem);
        }

        var (animal, _, errors) = BeefAnimals.Resolve(beef);
        return animal is not null ? (animal, null) : (null, "the group's beef animal is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
    }

    private (IReadOnlyList<DietEntry>? Diet, string? Problem) Diet(Guid farmId, List<(FarmFeed Feed, double KgDm)> amounts)
    {
        var diet = new List<DietEntry>(amounts.Count);
        foreach (var (farmFeed, kgDm) in amounts)
        {
            var (feed, problem) = feedModels.Get(farmId, farmFeed.Definition);
            if (feed is null)
            {
                return (null, problem);
            }

            diet.Add(new DietEntry(feed, kgDm));
        }

        return (diet, null);
    }
}
