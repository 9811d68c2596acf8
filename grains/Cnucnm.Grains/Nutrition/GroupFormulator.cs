using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Cnucnm.Formulation;
using Cnucnm.Formulation.Beef;
using Cnucnm.Grains.Farms;
using Cnucnm.Grains.Rations;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Grains.Nutrition;

/// <summary>
/// A group's least-cost ration in animal mode: the group's mean animal (NASEM 2021 dairy model), the farm's
/// candidate feeds at their current prices and composition (library feed with the farm's analysis on top),
/// the nutritionist's guard rails from the group's settings. Observed intake, when given, replaces the
/// predicted DMI as the centre of the intake bounds. A beef group's temperatures come from the farm's province for the farm's
/// month at <c>formulatedAt</c> where the group states none (docs/science.md).
/// </summary>
public sealed class GroupFormulator(FarmFeedModels feedModels, IFormulationRunner runner) : IGroupFormulator
{
    public async Task<GroupFormulation> FormulateAsync(GroupInputs inputs, FarmProfile farm, Guid farmId, IReadOnlyList<FarmFeed> feeds,
        FormulationSettings settings, double? observedDryMatterIntakeKgPerHead, DateTimeOffset formulatedAt, CancellationToken cancellationToken)
    {
        var (request, problem) = BuildRequest(inputs, farm, farmId, feeds, settings, observedDryMatterIntakeKgPerHead, formulatedAt);
        if (request is not null)
        {
            request = WithRequestFields(request, settings);
        }

        if (request is null)
        {
            return new GroupFormulation(false, new Dictionary<string, double>(), problem, Ready: false);
        }

        var response = await runner.FormulateAsync(request, cancellationToken);
        return response.Status switch
        {
            FormulationStatus.Optimal => new GroupFormulation(true, response.Feeds!.ToDictionary(f => f.Id, f => f.KgDm, StringComparer.Ordinal), null, response),
            FormulationStatus.Infeasible => new GroupFormulation(false, new Dictionary<string, double>(), Explain(response.Explanation), response),
            _ => new GroupFormulation(false, new Dictionary<string, double>(),
                "The group's formulation request is not valid: " + string.Join("; ", (response.Errors ?? []).Select(e => $"{e.Field} {e.Message}")),
                response, Ready: false),
        };
    }

    /// <summary>The animal-mode request for the group (NASEM dairy, or beef for beef breeds and Holstein steers), or why there cannot be one.</summary>
    public (FormulationRequest? Request, string? Problem) BuildRequest(GroupInputs inputs, FarmProfile farm, Guid farmId, IReadOnlyList<FarmFeed> feeds,
        FormulationSettings settings, double? observedDryMatterIntakeKgPerHead, DateTimeOffset formulatedAt)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(farm);
        if (BeefGroupModel.Applies(inputs))
        {
            return BuildBeefRequest(inputs, farm, farmId, feeds, settings, observedDryMatterIntakeKgPerHead, formulatedAt);
        }

        var (animal, equations, problem) = DairyGroupModel.ToModel(inputs, farm, observedDryMatterIntakeKgPerHead);
        if (animal is null)
        {
            return (null, problem);
        }

        var (offers, fixedAmounts, feedProblem) = Offers(farmId, feeds, settings);
        if (offers is null)
        {
            return (null, feedProblem);
        }

        var (description, environment) = DairyAnimalDescriptions.Describe(animal);
        var request = new FormulationRequest(
            offers,
            Options: fixedAmounts!.Count > 0 ? new FormulationOptions(FixedKgDm: fixedAmounts) : null,
            Animal: description,
            Environment: environment,
            Equations: new EquationChoices(equations.DmiEquation, null, null, null, null, null, null, null, null),
            DryMatterIntakeTolerancePercent: settings.DryMatterIntakeTolerancePercent,
            GuardRails: new GuardRails(settings.MinForageNdfPercentOfDm, MaxStarchPercentOfDm: settings.MaxStarchPercentOfDm,
                MaxFatPercentOfDm: settings.MaxFatPercentOfDm),
            Currency: farm.Currency);
        return (request, null);
    }

    /// <summary>Beef animal mode: the group's settings override the phase's forage NDF, starch and fat rails when set; observed
    /// intake, when given, is the centre of the intake bounds instead of the prediction.</summary>
    private (FormulationRequest? Request, string? Problem) BuildBeefRequest(GroupInputs inputs, FarmProfile farm, Guid farmId,
        IReadOnlyList<FarmFeed> feeds, FormulationSettings settings, double? observedDryMatterIntakeKgPerHead, DateTimeOffset formulatedAt)
    {
        var (beef, problem) = BeefGroupModel.ToModel(inputs, farm.Location.Province, FarmClock.LocalMonth(formulatedAt, farm.TimeZone));
        if (beef is null)
        {
            return (null, problem);
        }

        var (offers, fixedAmounts, feedProblem) = Offers(farmId, feeds, settings);
        if (offers is null)
        {
            return (null, feedProblem);
        }

        var tolerance = settings.DryMatterIntakeTolerancePercent / 100;
        var intake = (observedDryMatterIntakeKgPerHead ?? inputs.TargetDryMatterIntakeKg) is { } observed
            ? new Bounds(observed * (1 - tolerance), observed * (1 + tolerance))
            : null;
        var rails = new BeefGuardRails(MinForageNdfPercentOfDm: settings.MinForageNdfPercentOfDm, MaxStarchPercentOfDm: settings.MaxStarchPercentOfDm,
            MaxFatPercentOfDm: settings.MaxFatPercentOfDm);
        var request = new FormulationRequest(
            offers,
            DryMatterIntakeKg: intake,
            Options: fixedAmounts!.Count > 0 ? new FormulationOptions(FixedKgDm: fixedAmounts) : null,
            DryMatterIntakeTolerancePercent: settings.DryMatterIntakeTolerancePercent,
            Currency: farm.Currency,
            Beef: beef with { GuardRails = rails });
        return (request, null);
    }

    /// <summary>The candidates as feed offers at their current prices, with the farm's analysis over the library feed.</summary>
    private (List<FeedOffer>? Offers, Dictionary<string, double>? Fixed, string? Problem) Offers(Guid farmId, IReadOnlyList<FarmFeed> feeds,
        FormulationSettings settings)
    {
        var byId = feeds.ToDictionary(f => f.Definition.FeedId, StringComparer.Ordinal);
        var offers = new List<FeedOffer>(settings.Candidates.Count);
        var fixedAmounts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var candidate in settings.Candidates)
        {
            if (!byId.TryGetValue(candidate.FeedId, out var farmFeed))
            {
                return (null, null, $"candidate feed '{candidate.FeedId}' is not on the farm's feed list.");
            }

            if (farmFeed.PricePerKgAsFed is not { } price)
            {
                return (null, null, $"feed '{candidate.FeedId}' has no price in effect: set one before formulating.");
            }

            var (model, feedProblem) = feedModels.Get(farmId, farmFeed.Definition);
            if (model is null)
            {
                return (null, null, feedProblem);
            }

            // The model feed already holds the library values with the farm's analysis applied: send it whole
            // (dry matter travels as dryMatterPercent).
            var composition = model.Values.Where(v => double.IsFinite(v.Value) && v.Key != FeedNutrient.Fd_DM).ToDictionary(v => v.Key.ToString(), v => v.Value, StringComparer.Ordinal);
            offers.Add(new FeedOffer(candidate.FeedId, farmFeed.Definition.Name, farmFeed.Definition.DryMatterPercent,
                PricePerTonneAsFed: (double)price * 1000, MinKgDm: candidate.MinKgDryMatter, MaxKgDm: candidate.MaxKgDryMatter,
                Composition: composition, Type: model.Type, Category: model.Category));
            if (candidate.FixedKgDryMatter is { } amount)
            {
                fixedAmounts[candidate.FeedId] = amount;
            }
        }

        return (offers, fixedAmounts, null);
    }

    /// <summary>The request with the settings' own request fields set (a suggestion the nutritionist took: a lower target, a
    /// wider guard rail, an intake limit), by the same paths and rules as the formulation's one-click relaxations.</summary>
    public static FormulationRequest WithRequestFields(FormulationRequest request, FormulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (settings.RequestFields ?? new Dictionary<string, double>()).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Aggregate(request, (changed, field) => Relaxations.Set(changed, field.Key, field.Value));
    }

    private static string Explain(InfeasibilityExplanation? explanation) =>
        explanation?.Summary is { Length: > 0 } summary ? summary : "No ration meets the requirements.";
}
