using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Preparation;

/// <summary>
/// Validates a <see cref="FormulationRequest"/> field by field (every problem, each named by its path
/// in the request) and, when there is none, turns it into a <see cref="PreparedRequest"/>.
/// </summary>
internal static class RequestPreparation
{
    public const int MaxFeeds = 1000;
    public const int MaxNutrients = 500;
    public const int MaxRatios = 200;

    public static (PreparedRequest? Request, IReadOnlyList<FieldError> Errors) Prepare(FormulationRequest? request)
    {
        var v = new Validation();
        if (request is null)
        {
            v.Add("body", "is required.");
            return (null, v.FieldErrors);
        }

        var animalMode = request.IsAnimalMode;
        var feeds = PrepareFeeds(request, animalMode, v);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feed in feeds.Where(f => f is not null))
        {
            byId.TryAdd(feed!.Id, feed.Index);
        }

        var (dmMin, dmMax) = PrepareIntake(request, animalMode, v);
        var nutrients = PrepareNutrients(request, animalMode, feeds, v);
        var ratios = PrepareRatios(request, byId, v);
        var (fixedAmounts, excluded, inventory, changes, headCount, capacity) = PrepareOptions(request, feeds, byId, v);
        var animal = request.Animal is not null && request.Beef is null ? PrepareAnimal(request, v) : null;
        var beef = request.Beef is not null ? Beef.BeefPreparation.Prepare(request, v) : null;

        if (!animalMode && v.IsValid && feeds.Length > 0)
        {
            // Without a positive lower bound somewhere the cheapest "ration" is no feed at all.
            var positiveMinimum = dmMin is > 0
                                  || nutrients.Any(n => n.PerDay?.Min is > 0)
                                  || feeds.Any(f => f!.MinKgDm is > 0)
                                  || fixedAmounts.Any(a => a is > 0);
            v.Require(positiveMinimum, "dryMatterIntakeKg.min",
                "is required (greater than 0) unless a feed minimum, a fixed amount or a perDay nutrient minimum is: otherwise the cheapest ration is no feed at all.");
        }

        if (request.Currency is { Length: > 16 })
        {
            v.Add("currency", "must be at most 16 characters.");
        }

        if (!v.IsValid)
        {
            return (null, v.FieldErrors);
        }

        return (new PreparedRequest(animalMode ? FormulationMode.Animal : FormulationMode.Explicit, feeds!, dmMin, dmMax, nutrients, ratios,
            fixedAmounts, excluded, inventory, changes, headCount, capacity, request.Currency, animal, beef), []);
    }

    /// <summary>The requested shares of requirements (<c>requirements.{name}</c>), each checked to be a requirement of the
    /// model (<paramref name="modelPhrase"/> names it in the message) with its percentages in range; animal and beef mode.</summary>
    internal static Dictionary<string, RequirementTarget> RequirementTargets(IReadOnlyDictionary<string, RequirementTarget>? asked,
        IReadOnlyList<string> names, string modelPhrase, Validation v)
    {
        var requirements = new Dictionary<string, RequirementTarget>(StringComparer.Ordinal);
        foreach (var (name, target) in asked ?? new Dictionary<string, RequirementTarget>())
        {
            var field = $"requirements.{name}";
            if (!names.Contains(name))
            {
                v.Add(field, $"'{name}' is not a requirement of {modelPhrase}; use one of: {string.Join(", ", names)}.");
                continue;
            }

            if (target is null)
            {
                v.Add(field, "is required.");
                continue;
            }

            v.RequireRange(target.MinPercent, $"{field}.minPercent", 0, 200, required: false)
             .RequireRange(target.MaxPercent, $"{field}.maxPercent", 0, 1000, required: false);
            if (target is { MinPercent: { } min, MaxPercent: { } max } && min > max)
            {
                v.Add($"{field}.minPercent", $"({min}) must not exceed maxPercent ({max}).");
            }

            requirements[name] = target;
        }

        return requirements;
    }

    private static PreparedFeed?[] PrepareFeeds(FormulationRequest request, bool animalMode, Validation v)
    {
        if (request.Feeds is not { Count: > 0 })
        {
            v.Add("feeds", "must list at least one feed.");
            return [];
        }

        if (request.Feeds.Count > MaxFeeds)
        {
            v.Add("feeds", $"must list at most {MaxFeeds} feeds.");
            return [];
        }

        var result = new PreparedFeed?[request.Feeds.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < request.Feeds.Count; i++)
        {
            var offer = request.Feeds[i];
            var field = $"feeds[{i}]";
            if (offer is null)
            {
                v.Add(field, "is required.");
                continue;
            }

            var valid = true;
            if (string.IsNullOrWhiteSpace(offer.Id))
            {
                v.Add($"{field}.id", "is required.");
                valid = false;
            }
            else if (offer.Id.Length > 200)
            {
                v.Add($"{field}.id", "must be at most 200 characters.");
                valid = false;
            }
            else if (seen.TryGetValue(offer.Id, out var first))
            {
                v.Add($"{field}.id", $"'{offer.Id}' is already the id of feeds[{first}]; ids must be unique.");
                valid = false;
            }
            else
            {
                seen[offer.Id] = i;
            }

            if (offer.Name is { Length: > 200 })
            {
                v.Add($"{field}.name", "must be at most 200 characters.");
                valid = false;
            }

            valid &= CheckPrice(offer, field, v);
            valid &= CheckNonNegative(offer.MinKgDm, $"{field}.minKgDm", "kg DM/d", v);
            valid &= CheckNonNegative(offer.MaxKgDm, $"{field}.maxKgDm", "kg DM/d", v);
            if (offer.MinKgDm is { } min && offer.MaxKgDm is { } max && double.IsFinite(min) && double.IsFinite(max) && min > max)
            {
                v.Add($"{field}.minKgDm", $"({min}) must not exceed maxKgDm ({max}).");
                valid = false;
            }

            var (composition, nasemFeed, dmPercent, ok) = animalMode ? AnimalFeed(offer, i, field, v) : ExplicitFeed(offer, field, v);
            valid &= ok;
            if (!valid)
            {
                continue;
            }

            var dmFraction = dmPercent / 100;
            var pricePerKgDm = offer.PricePerKgDm ?? offer.PricePerTonneAsFed!.Value / 1000 / dmFraction;
            result[i] = new PreparedFeed(i, offer.Id!, string.IsNullOrWhiteSpace(offer.Name) ? nasemFeed?.Name ?? offer.Id! : offer.Name!,
                dmFraction, pricePerKgDm, offer.MinKgDm, offer.MaxKgDm, composition, nasemFeed);
        }

        return result;
    }

    private static bool CheckPrice(FeedOffer offer, string field, Validation v)
    {
        if (offer.PricePerTonneAsFed is null && offer.PricePerKgDm is null)
        {
            v.Add($"{field}.pricePerTonneAsFed", "is required (or give pricePerKgDm).");
            return false;
        }

        if (offer.PricePerTonneAsFed is not null && offer.PricePerKgDm is not null)
        {
            v.Add($"{field}.pricePerKgDm", "give pricePerTonneAsFed or pricePerKgDm, not both.");
            return false;
        }

        return CheckNonNegative(offer.PricePerTonneAsFed, $"{field}.pricePerTonneAsFed", "", v)
               & CheckNonNegative(offer.PricePerKgDm, $"{field}.pricePerKgDm", "", v);
    }

    private static bool CheckNonNegative(double? value, string field, string unit, Validation v)
    {
        if (value is { } x && (!double.IsFinite(x) || x < 0))
        {
            v.Add(field, unit.Length > 0 ? $"must be a number of 0 or more ({unit})." : "must be a number of 0 or more.");
            return false;
        }

        return true;
    }

    private static bool CheckDryMatter(double? percent, string field, Validation v)
    {
        if (percent is not { } dm)
        {
            v.Add(field, "is required: dry matter, % as fed, greater than 0 and at most 100.");
            return false;
        }

        if (!double.IsFinite(dm) || dm <= 0 || dm > 100)
        {
            v.Add(field, "must be greater than 0 and at most 100 (% as fed).");
            return false;
        }

        return true;
    }

    private static (IReadOnlyDictionary<string, double> Composition, Feed? Feed, double DmPercent, bool Ok) ExplicitFeed(FeedOffer offer, string field, Validation v)
    {
        var ok = CheckDryMatter(offer.DryMatterPercent, $"{field}.dryMatterPercent", v);
        if (offer.Feed is not null)
        {
            v.Add($"{field}.feed", "library feeds need animal mode (give animal); in explicit mode give the composition.");
            ok = false;
        }

        var composition = offer.Composition ?? new Dictionary<string, double>();
        foreach (var (name, value) in composition)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                v.Add($"{field}.composition", "nutrient names must not be empty.");
                ok = false;
            }
            else if (!double.IsFinite(value))
            {
                v.Add($"{field}.composition.{name}", "must be a finite number.");
                ok = false;
            }
        }

        return (composition, null, offer.DryMatterPercent ?? 0, ok);
    }

    private static (IReadOnlyDictionary<string, double> Composition, Feed? Feed, double DmPercent, bool Ok) AnimalFeed(FeedOffer offer, int index, string field, Validation v)
    {
        var empty = new Dictionary<string, double>();
        Feed? library = null;
        if (offer.Feed is { } reference)
        {
            if (string.IsNullOrWhiteSpace(reference) || !FeedLibrary.TryFind(reference, out library))
            {
                var closest = FeedLibrary.Nasem.ClosestNames(reference ?? "").Concat(FeedLibrary.Korean.ClosestNames(reference ?? "", 2));
                v.Add($"{field}.feed", $"'{reference}' is not in the NASEM or Korean feed library; closest: {string.Join("; ", closest)}.");
                return (empty, null, 0, false);
            }
        }

        var composition = offer.Composition ?? new Dictionary<string, double>();
        var ok = true;
        if (offer.DryMatterPercent is not null || library is null)
        {
            ok &= CheckDryMatter(offer.DryMatterPercent, $"{field}.dryMatterPercent", v);
        }

        if (library is null && offer.Type is null)
        {
            v.Add($"{field}.type", "is required for a feed without a library feed: forage or concentrate.");
            ok = false;
        }

        if (library is null && composition.Count == 0)
        {
            v.Add($"{field}.composition", "is required for a feed without a library feed: NASEM columns per kg DM (Fd_CP, Fd_NDF …).");
            ok = false;
        }

        if (!ok)
        {
            return (empty, null, 0, false);
        }

        if (library is not null && composition.Count == 0 && offer.DryMatterPercent is null)
        {
            return (empty, library, library.DryMatterPercent, true);
        }

        // A farm's own analysis over a library feed, or a feed of its own: the user-feed rules apply.
        var definition = new UserFeedDefinition($"formulation-feed-{index}", string.IsNullOrWhiteSpace(offer.Name) ? library?.Name ?? offer.Id ?? "feed" : offer.Name,
            library?.NameKorean, offer.Category ?? library?.Category ?? "", offer.Type ?? library!.Type, CompositionBasis.DryMatter,
            offer.DryMatterPercent ?? library!.DryMatterPercent, composition, library?.Id);
        var (feed, errors) = UserFeeds.Create(definition);
        foreach (var error in errors)
        {
            var path = error.Field switch
            {
                "dryMatterPercent" => $"{field}.dryMatterPercent",
                "name" => $"{field}.name",
                "basedOn" => $"{field}.feed",
                "nutrients" => $"{field}.composition",
                _ when error.Field.StartsWith("nutrients.", StringComparison.Ordinal) => $"{field}.composition.{error.Field["nutrients.".Length..]}",
                _ => $"{field}.{error.Field}",
            };
            v.Add(path, error.Message);
        }

        return feed is null ? (empty, null, 0, false) : (empty, feed, feed.DryMatterPercent, true);
    }

    private static (double? Min, double? Max) PrepareIntake(FormulationRequest request, bool animalMode, Validation v)
    {
        var bounds = request.DryMatterIntakeKg;
        if (bounds is null)
        {
            return (null, null);
        }

        var ok = CheckNonNegative(bounds.Min, "dryMatterIntakeKg.min", "kg DM/d", v) & CheckNonNegative(bounds.Max, "dryMatterIntakeKg.max", "kg DM/d", v);
        if (ok && bounds is { Min: { } min, Max: { } max } && min > max)
        {
            v.Add("dryMatterIntakeKg.min", $"({min}) must not exceed max ({max}).");
        }

        if (!animalMode && bounds.Min is null && bounds.Max is null)
        {
            v.Add("dryMatterIntakeKg", "give min, max or both (or leave dryMatterIntakeKg out).");
        }

        return (bounds.Min, bounds.Max);
    }

    private static PreparedNutrient[] PrepareNutrients(FormulationRequest request, bool animalMode, PreparedFeed?[] feeds, Validation v)
    {
        if (request.Nutrients is null)
        {
            return [];
        }

        if (request.Nutrients.Count > MaxNutrients)
        {
            v.Add("nutrients", $"must list at most {MaxNutrients} nutrients.");
            return [];
        }

        var result = new List<PreparedNutrient>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = feeds.Where(f => f is not null).SelectMany(f => f!.Composition.Keys).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < request.Nutrients.Count; i++)
        {
            var bound = request.Nutrients[i];
            var field = $"nutrients[{i}]";
            if (bound is null)
            {
                v.Add(field, "is required.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(bound.Name))
            {
                v.Add($"{field}.name", "is required.");
                continue;
            }

            if (seen.TryGetValue(bound.Name, out var first))
            {
                v.Add($"{field}.name", $"'{bound.Name}' is already bounded by nutrients[{first}]; give perDay and perKgDm in one entry.");
                continue;
            }

            seen[bound.Name] = i;
            var values = new double[feeds.Length];
            var ok = true;
            if (animalMode)
            {
                if (!FeedNutrients.TryParse(bound.Name, out var column))
                {
                    var closest = FeedNutrients.Names.OrderBy(n => Closeness(n, bound.Name)).Take(3);
                    v.Add($"{field}.name", $"'{bound.Name}' is not a NASEM feed column; closest: {string.Join(", ", closest)}.");
                    continue;
                }

                for (var j = 0; j < feeds.Length; j++)
                {
                    values[j] = feeds[j]?.NasemFeed?.OrZero(column) ?? 0;
                }
            }
            else
            {
                if (!known.Contains(bound.Name))
                {
                    var closest = known.OrderBy(n => Closeness(n, bound.Name)).Take(3).ToList();
                    v.Add($"{field}.name", closest.Count > 0
                        ? $"'{bound.Name}' is not in any feed's composition; closest: {string.Join(", ", closest)}."
                        : $"'{bound.Name}' is not in any feed's composition (no feed gives a composition).");
                    continue;
                }

                for (var j = 0; j < feeds.Length; j++)
                {
                    if (feeds[j] is not { } feed)
                    {
                        continue;
                    }

                    if (!feed.Composition.TryGetValue(bound.Name, out values[j]))
                    {
                        v.Add($"feeds[{j}].composition.{bound.Name}", $"is required: {field} bounds {bound.Name} (give 0 if the feed has none).");
                        ok = false;
                    }
                }
            }

            // Negative bounds only make sense for nutrients some feed has below zero (DCAD, a balance).
            var negativeAllowed = values.Any(x => x < 0);
            ok &= CheckBounds(bound.PerDay, $"{field}.perDay", negativeAllowed, v);
            ok &= CheckBounds(bound.PerKgDm, $"{field}.perKgDm", negativeAllowed, v);
            if (bound.PerDay is null && bound.PerKgDm is null)
            {
                v.Add(field, "give perDay or perKgDm bounds.");
                ok = false;
            }

            if (ok)
            {
                result.Add(new PreparedNutrient(i, bound.Name, bound.Unit, values, bound.PerDay, bound.PerKgDm));
            }
        }

        return [.. result];
    }

    private static bool CheckBounds(Bounds? bounds, string field, bool negativeAllowed, Validation v)
    {
        if (bounds is null)
        {
            return true;
        }

        var ok = true;
        foreach (var (side, value) in new[] { ("min", bounds.Min), ("max", bounds.Max) })
        {
            if (value is not { } x)
            {
                continue;
            }

            if (!double.IsFinite(x))
            {
                v.Add($"{field}.{side}", "must be a finite number.");
                ok = false;
            }
            else if (x < 0 && !negativeAllowed)
            {
                v.Add($"{field}.{side}", "must be 0 or more (no feed has a negative value of this nutrient).");
                ok = false;
            }
        }

        if (ok && bounds is { Min: { } min, Max: { } max } && min > max)
        {
            v.Add($"{field}.min", $"({min}) must not exceed max ({max}).");
            ok = false;
        }

        if (bounds.Min is null && bounds.Max is null)
        {
            v.Add(field, "give min, max or both.");
            ok = false;
        }

        return ok;
    }

    private static PreparedRatio[] PrepareRatios(FormulationRequest request, Dictionary<string, int> byId, Validation v)
    {
        if (request.Ratios is null)
        {
            return [];
        }

        if (request.Ratios.Count > MaxRatios)
        {
            v.Add("ratios", $"must list at most {MaxRatios} ratios.");
            return [];
        }

        var result = new List<PreparedRatio>();
        for (var i = 0; i < request.Ratios.Count; i++)
        {
            var ratio = request.Ratios[i];
            var field = $"ratios[{i}]";
            if (ratio is null)
            {
                v.Add(field, "is required.");
                continue;
            }

            var ok = true;
            var indexes = new List<int>();
            if (ratio.Feeds is not { Count: > 0 })
            {
                v.Add($"{field}.feeds", "must list at least one feed id.");
                ok = false;
            }
            else
            {
                for (var k = 0; k < ratio.Feeds.Count; k++)
                {
                    var id = ratio.Feeds[k];
                    if (id is null || !byId.TryGetValue(id, out var index))
                    {
                        v.Add($"{field}.feeds[{k}]", $"'{id}' is not the id of a feed in feeds.");
                        ok = false;
                    }
                    else if (indexes.Contains(index))
                    {
                        v.Add($"{field}.feeds[{k}]", $"'{id}' is listed twice.");
                        ok = false;
                    }
                    else
                    {
                        indexes.Add(index);
                    }
                }
            }

            foreach (var (side, value) in new[] { ("minShareOfDm", ratio.MinShareOfDm), ("maxShareOfDm", ratio.MaxShareOfDm) })
            {
                if (value is { } x && (!double.IsFinite(x) || x < 0 || x > 1))
                {
                    v.Add($"{field}.{side}", "must be between 0 and 1 (a share of diet DM).");
                    ok = false;
                }
            }

            if (ok && ratio is { MinShareOfDm: { } min, MaxShareOfDm: { } max } && min > max)
            {
                v.Add($"{field}.minShareOfDm", $"({min}) must not exceed maxShareOfDm ({max}).");
                ok = false;
            }

            if (ratio.MinShareOfDm is null && ratio.MaxShareOfDm is null)
            {
                v.Add(field, "give minShareOfDm, maxShareOfDm or both.");
                ok = false;
            }

            if (ok)
            {
                var name = string.IsNullOrWhiteSpace(ratio.Name) ? string.Join(" + ", ratio.Feeds!) : ratio.Name;
                result.Add(new PreparedRatio(i, name, [.. indexes], [.. ratio.Feeds!], ratio.MinShareOfDm, ratio.MaxShareOfDm));
            }
        }

        return [.. result];
    }

    private static (double?[] Fixed, bool[] Excluded, PreparedInventory[] Inventory, PreparedChanges? Changes, int? HeadCount, double? Capacity)
        PrepareOptions(FormulationRequest request, PreparedFeed?[] feeds, Dictionary<string, int> byId, Validation v)
    {
        var n = feeds.Length;
        var fixedAmounts = new double?[n];
        var excluded = new bool[n];
        var options = request.Options;
        if (options is null)
        {
            return (fixedAmounts, excluded, [], null, null, null);
        }

        int? headCount = null;
        double? capacity = null;
        if (options.Batch is { } batch)
        {
            if (batch.HeadCount is not (>= 1 and <= 1_000_000))
            {
                v.Add("options.batch.headCount", "is required: a whole number of animals from 1 to 1,000,000.");
            }
            else
            {
                headCount = batch.HeadCount;
            }

            if (batch.MixerCapacityKgAsFed is { } c && (!double.IsFinite(c) || c <= 0))
            {
                v.Add("options.batch.mixerCapacityKgAsFed", "must be greater than 0 (kg as fed).");
            }
            else
            {
                capacity = batch.MixerCapacityKgAsFed;
            }
        }

        foreach (var (id, amount) in options.FixedKgDm ?? new Dictionary<string, double>())
        {
            var field = $"options.fixedKgDm.{id}";
            if (!byId.TryGetValue(id, out var index))
            {
                v.Add(field, $"'{id}' is not the id of a feed in feeds.");
            }
            else if (!double.IsFinite(amount) || amount < 0)
            {
                v.Add(field, "must be a number of 0 or more (kg DM/d).");
            }
            else if (feeds[index] is { } feed && (amount < (feed.MinKgDm ?? 0) - 1e-12 || amount > (feed.MaxKgDm ?? double.PositiveInfinity) + 1e-12))
            {
                v.Add(field, $"({amount}) is outside the feed's own bounds (feeds[{index}].minKgDm {feed.MinKgDm ?? 0}, maxKgDm {feed.MaxKgDm?.ToString() ?? "none"}).");
            }
            else
            {
                fixedAmounts[index] = amount;
            }
        }

        var excludedList = options.ExcludedFeeds ?? [];
        for (var k = 0; k < excludedList.Count; k++)
        {
            var id = excludedList[k];
            var field = $"options.excludedFeeds[{k}]";
            if (id is null || !byId.TryGetValue(id, out var index))
            {
                v.Add(field, $"'{id}' is not the id of a feed in feeds.");
            }
            else if (fixedAmounts[index] is > 0)
            {
                v.Add(field, $"'{id}' cannot be excluded and fixed at {fixedAmounts[index]} kg DM/d.");
            }
            else if (feeds[index]?.MinKgDm is > 0)
            {
                v.Add(field, $"'{id}' cannot be excluded with a minimum of {feeds[index]!.MinKgDm} kg DM/d (feeds[{index}].minKgDm).");
            }
            else
            {
                excluded[index] = true;
            }
        }

        var inventory = new List<PreparedInventory>();
        var limits = options.Inventory ?? [];
        for (var k = 0; k < limits.Count; k++)
        {
            var limit = limits[k];
            var field = $"options.inventory[{k}]";
            if (limit is null)
            {
                v.Add(field, "is required.");
                continue;
            }

            var ok = true;
            var index = -1;
            if (limit.Feed is null || !byId.TryGetValue(limit.Feed, out index))
            {
                v.Add($"{field}.feed", $"'{limit.Feed}' is not the id of a feed in feeds.");
                ok = false;
            }

            if (limit.AvailableKgAsFed is not { } available || !double.IsFinite(available) || available < 0)
            {
                v.Add($"{field}.availableKgAsFed", "is required: kg as fed on hand, 0 or more.");
                ok = false;
            }

            if (limit.Days is not { } days || !double.IsFinite(days) || days <= 0)
            {
                v.Add($"{field}.days", "is required: the days the stock must last, greater than 0.");
                ok = false;
            }

            var head = limit.HeadCount ?? options.Batch?.HeadCount;
            if (head is not (>= 1 and <= 1_000_000))
            {
                v.Add($"{field}.headCount", "is required (or options.batch.headCount): the animals eating from the stock, 1 or more.");
                ok = false;
            }

            if (ok && feeds[index] is { } feed)
            {
                var cap = limit.AvailableKgAsFed!.Value * feed.DryMatterFraction / (head!.Value * limit.Days!.Value);
                inventory.Add(new PreparedInventory(k, index, limit.AvailableKgAsFed.Value, limit.Days.Value, head.Value, cap));
            }
        }

        PreparedChanges? changes = null;
        if (options.Changes is { } change)
        {
            var ok = true;
            var current = new double[n];
            if (change.Current is null)
            {
                v.Add("options.changes.current", "is required: the current ration, kg DM/d by feed id.");
                ok = false;
            }
            else
            {
                foreach (var (id, amount) in change.Current)
                {
                    var field = $"options.changes.current.{id}";
                    if (!byId.TryGetValue(id, out var index))
                    {
                        v.Add(field, $"'{id}' is not the id of a feed in feeds (add it, with its price, to keep it in the ration).");
                        ok = false;
                    }
                    else if (!double.IsFinite(amount) || amount < 0)
                    {
                        v.Add(field, "must be a number of 0 or more (kg DM/d).");
                        ok = false;
                    }
                    else
                    {
                        current[index] = amount;
                    }
                }
            }

            if (change.MaxChangedFeeds is < 0)
            {
                v.Add("options.changes.maxChangedFeeds", "must be 0 or more.");
                ok = false;
            }

            if (change.ToleranceKgDm is { } tolerance && (!double.IsFinite(tolerance) || tolerance < 0 || tolerance > 10))
            {
                v.Add("options.changes.toleranceKgDm", "must be between 0 and 10 kg DM/d.");
                ok = false;
            }

            if (ok)
            {
                changes = new PreparedChanges(current, change.MaxChangedFeeds, change.ToleranceKgDm ?? ChangeLimit.DefaultToleranceKgDm);
            }
        }

        return (fixedAmounts, excluded, [.. inventory], changes, headCount, capacity);
    }

    private static PreparedAnimal? PrepareAnimal(FormulationRequest request, Validation v)
    {
        var errorsBefore = v.FieldErrors.Count;
        DairyAnimalDescriptions.Validate(v, request.Animal, request.Environment, request.Equations);
        if (request.Animal?.PhysiologicalState == PhysiologicalState.Calf)
        {
            v.Add("animal.physiologicalState", "animal-mode formulation covers heifers, dry and lactating cows (formulate calf rations in explicit mode).");
        }

        var tolerance = request.DryMatterIntakeTolerancePercent ?? 0;
        v.RequireRange(tolerance, "dryMatterIntakeTolerancePercent", 0, 50);

        var requirements = RequirementTargets(request.Requirements, [.. DairyBalances.Pairs.Select(p => p.Nutrient)], "the model", v);

        var rails = request.GuardRails ?? new GuardRails();
        v.RequireRange(rails.MinForageNdfPercentOfDm, "guardRails.minForageNdfPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MinNdfPercentOfDm, "guardRails.minNdfPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MaxStarchPercentOfDm, "guardRails.maxStarchPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MaxFatPercentOfDm, "guardRails.maxFatPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MinRumenNitrogenBalanceGramsPerDay, "guardRails.minRumenNitrogenBalanceGramsPerDay", -5000, 5000, required: false)
         .RequireRange(rails.MaxEnergyPercentOfRequirement, "guardRails.maxEnergyPercentOfRequirement", 100, 1000, required: false)
         .RequireRange(rails.MaxCrudeProteinPercentOfDm, "guardRails.maxCrudeProteinPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MinCrudeProteinPercentOfDm, "guardRails.minCrudeProteinPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MaxMetabolizableProteinPercentOfRequirement, "guardRails.maxMetabolizableProteinPercentOfRequirement", 100, 1000, required: false)
         .RequireRange(rails.MaxSupplementalSeleniumMgPerKgDm, "guardRails.maxSupplementalSeleniumMgPerKgDm", 0, 100, required: false)
         .RequireRange(rails.MinCalciumToPhosphorus, "guardRails.minCalciumToPhosphorus", 0, 100, required: false)
         .RequireRange(rails.MaxCalciumToPhosphorus, "guardRails.maxCalciumToPhosphorus", 0, 100, required: false)
         .RequireRange(rails.MaxDcadMilliequivalentsPerKgDm, "guardRails.maxDcadMilliequivalentsPerKgDm", -1000, 2000, required: false);
        if (rails is { MinCalciumToPhosphorus: { } lowRatio, MaxCalciumToPhosphorus: { } highRatio } && lowRatio > highRatio)
        {
            v.Add("guardRails.minCalciumToPhosphorus", $"({lowRatio}) must not exceed maxCalciumToPhosphorus ({highRatio}).");
        }

        var minerals = new Dictionary<string, double>(GuardRails.DefaultMaxMineralPerKgDm, StringComparer.Ordinal);
        foreach (var (column, limit) in rails.MaxMineralPerKgDm ?? new Dictionary<string, double>())
        {
            var field = $"guardRails.maxMineralPerKgDm.{column}";
            if (!Enum.TryParse<FeedNutrient>(column, ignoreCase: false, out var nutrient) || nutrient == FeedNutrient.Fd_DM || !column.StartsWith("Fd_", StringComparison.Ordinal))
            {
                v.Add(field, $"'{column}' is not a NASEM feed-library column (Fd_Cu, Fd_Zn, Fd_S …).");
                continue;
            }

            v.RequireRange(limit, field, 0, 1_000_000);
            minerals[column] = limit;
        }

        if (v.FieldErrors.Count > errorsBefore || request.Animal is null)
        {
            return null;
        }

        var animal = DairyAnimalDescriptions.ToAnimal(request.Animal, request.Environment);
        var equations = DairyAnimalDescriptions.ToEquations(request.Equations);
        var closeUp = animal.State == PhysiologicalState.DryCow && animal.DaysPregnant >= animal.GestationLengthDays - GuardRails.CloseUpDays;
        // Every guard rail with its default filled in: what the formulation uses, echoed in the answer.
        var effective = new GuardRails(
            rails.MinForageNdfPercentOfDm ?? GuardRails.DefaultMinForageNdfPercentOfDm,
            rails.MinNdfPercentOfDm ?? GuardRails.DefaultMinNdfPercentOfDm,
            rails.MaxStarchPercentOfDm ?? GuardRails.DefaultMaxStarchPercentOfDm,
            rails.MaxFatPercentOfDm ?? GuardRails.DefaultMaxFatPercentOfDm,
            rails.MinRumenNitrogenBalanceGramsPerDay ?? GuardRails.DefaultMinRumenNitrogenBalanceGramsPerDay,
            rails.MeetLysineAndMethionine ?? true,
            rails.MaxEnergyPercentOfRequirement ?? GuardRails.DefaultMaxEnergyPercentOfRequirement,
            rails.MaxCrudeProteinPercentOfDm ?? GuardRails.DefaultMaxCrudeProteinPercentOfDm(animal.State),
            rails.MaxMetabolizableProteinPercentOfRequirement ?? GuardRails.DefaultMaxMetabolizableProteinPercentOfRequirement(animal.State),
            minerals,
            rails.MaxSupplementalSeleniumMgPerKgDm ?? GuardRails.DefaultMaxSupplementalSeleniumMgPerKgDm,
            rails.MinCalciumToPhosphorus ?? GuardRails.DefaultMinCalciumToPhosphorus,
            rails.MaxCalciumToPhosphorus ?? GuardRails.DefaultMaxCalciumToPhosphorus,
            rails.MaxDcadMilliequivalentsPerKgDm ?? (closeUp ? GuardRails.DefaultMaxDcadCloseUpMilliequivalentsPerKgDm : null),
            rails.MinCrudeProteinPercentOfDm ?? (animal.State == PhysiologicalState.LactatingCow ? GuardRails.DefaultMinCrudeProteinPercentOfDmLactating : null));
        return new PreparedAnimal(animal, equations, tolerance, requirements,
            effective.MinForageNdfPercentOfDm!.Value,
            effective.MinNdfPercentOfDm!.Value,
            effective.MaxStarchPercentOfDm!.Value,
            effective.MaxFatPercentOfDm!.Value,
            effective.MinRumenNitrogenBalanceGramsPerDay!.Value,
            effective.MeetLysineAndMethionine!.Value,
            effective.MaxEnergyPercentOfRequirement,
            effective);
    }

    /// <summary>Edit distance, case-insensitive, for "closest" suggestions.</summary>
    private static int Closeness(string candidate, string wanted)
    {
        var a = candidate.ToUpperInvariant();
        var b = wanted.ToUpperInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
