using Cnucnm.Formulation.Explicit;
using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Model;
using Cnucnm.Formulation.Preparation;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Animal;

/// <summary>
/// Animal mode: the bounds come from the NASEM (2021) dairy model. Intake is predicted (± the tolerance);
/// the requirements (ME, MP, Lys and Met, minerals, vitamins) and the ruminal N balance are linearised at
/// the current diet (<see cref="RationLinearization"/>), the LP is solved, the ration is evaluated with
/// the full model, and the loop re-linearises at the new ration until the full model confirms every
/// enforced requirement within <see cref="Tolerance"/> and every guard rail (from another starting mix when an LP
/// round is infeasible). From each start's confirmed ration a trust-region sequential LP with a line search keeps
/// re-linearising at the best confirmed ration while the confirmed cost falls; the cheapest is kept. Concentration guard rails (forage NDF, NDF,
/// starch, fatty acids) and NASEM-column bounds are exactly linear.
/// </summary>
internal static class AnimalFormulation
{
    /// <summary>Rounds from one starting mix before the next is tried.</summary>
    public const int MaxIterations = 12;

    /// <summary>A least-cost step the full model rejects is tried again half, then a quarter … of the way: this many times.</summary>
    private const int LineSearchSteps = 2;

    /// <summary>Starting mixes at most: the current ration, neutral, forage-rich, concentrate-rich, cheapest, and each forage base
    /// free and kept.</summary>
    public const int MaxStarts = 5 + 2 * ForageBaseStarts;

    /// <summary>Full-model rounds of one formulation at most (feasibility and least-cost rounds, with their line search and
    /// restoration steps, from every start).</summary>
    public const int MaxRounds = MaxStarts * (MaxIterations + 2 * MaxRefinementRounds * (2 + LineSearchSteps));

    /// <summary>Starting mixes on one forage each (the cheapest forages).</summary>
    private const int ForageBaseStarts = 3;

    /// <summary>Least-cost rounds after the first confirmed ration.</summary>
    public const int MaxRefinementRounds = 12;

    /// <summary>The first trust region: each feed within ± max(this, <see cref="InitialStepShare"/> × intake) kg DM of the best ration.</summary>
    private const double InitialStepKgDm = 1;

    private const double InitialStepShare = 0.1;

    /// <summary>A step this small cannot change a ration in practice (a scoop of a concentrate per cow).</summary>
    private const double MinStepKgDm = 0.02;

    /// <summary>The linearisation promising less than this share of the cost as saving ends the search.</summary>
    private const double StationaryShare = 2e-4;

    /// <summary>Two rations whose amounts differ by at most this share of the intake (Σ |Δ kg DM|) are in one region: a start
    /// whose unconfirmed round lands this near an earlier start's confirmed ration is not followed further (it saves about a
    /// fifth of the rounds on 200 generated 60-feed cows and changed no ration's cost by more than 0.03 %).</summary>
    private const double SameRegionShare = 0.05;

    /// <summary>Share of its starting amount a forage-base start keeps in its feasibility rounds.</summary>
    private const double KeptBaseShare = 0.75;

    /// <summary>A cheaper ration this close to its targets (worst enforced requirement, % of target) is worth a restoration step.</summary>
    private const double RestoreFromPercent = 97;

    private static readonly IReadOnlyDictionary<string, double> NoMargins = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Goal-programming rounds of a best-possible ration (each re-linearised at the previous answer).</summary>
    private const int BestPossibleRounds = 3;

    /// <summary>The answer says what an intake this much lower than assumed would leave short.</summary>
    private const double LowerIntakeShare = 0.05;

    /// <summary>A requirement counts as met at ≥ 99.8 % of its target (and ≤ 100.2 % of a maximum).</summary>
    public const double Tolerance = 0.002;

    /// <summary>DMI equations whose prediction depends on the diet (NDF, forage NDF, ADF/NDF): re-predicted each round.</summary>
    private static readonly HashSet<int> DietDependentIntake = [3, 5, 7, 9, 10, 13, 15, 17];

    /// <param name="leastCost">False stops at the first confirmed ration (the loop before the least-cost rounds; the benchmarks' baseline).</param>
    public static FormulationResponse Run(PreparedRequest request, bool leastCost = true)
    {
        using var search = new Search(request, leastCost);
        return search.Run();
    }

    /// <summary>One formulation: the model's inputs, the rounds so far and the best confirmed ration.</summary>
    private sealed class Search : IDisposable
    {
        /// <summary>Every round's LP has the same shape: one GLOP model, re-solved from the previous basis.</summary>
        private readonly LpSession _lp = new();

        private readonly PreparedRequest _request;
        private readonly PreparedAnimal _spec;
        private readonly DairyAnimal _animal;
        private readonly EquationSelection _equations;
        private readonly int _intakeEquation;
        private readonly Feed[] _feeds;
        private readonly List<IterationResult> _iterations = [];
        private double _predicted;
        private Candidate? _best;
        private Candidate? _closest;
        private InfeasibilityExplanation? _firstInfeasibility;
        private int[] _changed = [];

        private readonly bool _leastCost;

        /// <summary>The confirmed rations of the starts so far.</summary>
        private readonly List<Candidate> _confirmed = [];

        /// <summary>Where the least-cost rounds of each region ended, in the order they ran.</summary>
        private readonly List<Candidate> _optima = [];

        /// <summary>Confirmed rations of kept-forage starts, with the forage and the amount their rounds kept.</summary>
        private readonly Dictionary<Candidate, (int Feed, double MinKgDm)> _kept = new(ReferenceEqualityComparer.Instance);

        public Search(PreparedRequest request, bool leastCost)
        {
            _request = request;
            _leastCost = leastCost;
            _spec = request.Animal!;
            // Formulation feeds the target milk: an allowable-milk equation would make the requirement follow the supply.
            _equations = _spec.Equations with { MilkProductionEquation = 0 };
            _intakeEquation = _equations.DmiEquation != 0 || _spec.Animal.TargetDryMatterIntakeKg is null
                ? (_equations.DmiEquation != 0 ? _equations.DmiEquation : DefaultIntakeEquation(_spec.Animal.State))
                : 0;
            _animal = _spec.Animal;
            _feeds = [.. request.Feeds.Select(f => f.NasemFeed!)];
        }

        public void Dispose() => _lp.Dispose();

        public FormulationResponse Run()
        {
            _predicted = PredictIntake(StartingDiet(_request, _feeds, 20, StartingMix.Neutral));
            var starts = new List<(double[] Amounts, int BaseForage)>();
            if (_request.Changes is { } change && change.Current.Sum() > 0)
            {
                starts.Add((change.Current, -1));
            }

            starts.Add((StartingDiet(_request, _feeds, _predicted, StartingMix.Neutral), -1));
            starts.Add((StartingDiet(_request, _feeds, _predicted, StartingMix.ForageRich), -1));
            starts.Add((StartingDiet(_request, _feeds, _predicted, StartingMix.ConcentrateRich), -1));
            if (_leastCost && _request.Changes is null)
            {
                starts.Add((StartingDiet(_request, _feeds, _predicted, StartingMix.Cheapest), -1));
                // The forage base decides the region a ration is in (straw, silage or hay): the ruminal N balance against the
                // microbial growth the digested NDF and starch support is not convex in the feeds, so a straw-based ration is
                // not reached by rounds from a silage-based one. One start on each of the cheapest forages.
                foreach (var forage in ForageBases(_request, _feeds))
                {
                    // Free first (its LP may leave for the cheaper region it finds), then, if it left, keeping the forage.
                    var start = StartingDiet(_request, _feeds, _predicted, StartingMix.ForageBase, forage);
                    starts.Add((start, -1));
                    starts.Add((start, forage));
                }
            }

            // 1. Feasibility: from each starting mix in turn until the full model confirms a ration. An LP round that is
            // infeasible ends that start only: the lines were taken at one point, another point may admit a ration. For the
            // least cost every start is followed to its confirmed ration: each is refined below, since sequential LP only
            // finds the cheapest ration of the region it starts in (a straw-based far-off dry cow ration is not reached from
            // a corn-silage one).
            double[]? lastFound = null;
            foreach (var (start, baseForage) in starts)
            {
                // A kept-forage start only where the same start, free, ended with less than the kept share of that forage.
                if (baseForage >= 0 && lastFound is not null && lastFound[baseForage] >= KeptBaseShare * start[baseForage] - 1e-9)
                {
                    continue;
                }

                var found = FindConfirmed(start, baseForage);
                lastFound = found?.Amounts;
                if (found is not null)
                {
                    _best ??= found;
                    _confirmed.Add(found);
                    if (baseForage >= 0)
                    {
                        _kept[found] = (baseForage, KeptBaseShare * start[baseForage]);
                    }
                    if (!_leastCost || _request.Changes is not null)
                    {
                        break;
                    }
                }

                if (_request.Changes is not null && _firstInfeasibility is not null)
                {
                    break;
                }
            }

            BestPossibleRation? bestPossible = null;
            if (_best is null && _closest is null && _request.Changes is null)
            {
                // Every start's LP was infeasible. The goal program's least-shortfall ration is one more start: the lines
                // taken there may admit a ration after all; if not, it is the best possible.
                (bestPossible, var amounts) = BestPossible();
                if (amounts is not null && FindConfirmed(amounts) is { } found)
                {
                    _best = found;
                }
            }

            if (_best is null)
            {
                if (_closest is null)
                {
                    var (min, max) = IntakeBounds(_predicted);
                    return ResponseBuilder.Infeasible(_request, _firstInfeasibility!, Result(min, max, false, [], [], "no start admits a ration"))
                        with { BestPossible = bestPossible };
                }

                return Answer(_closest, "not confirmed: no start reached a ration the full model confirms");
            }

            // 2. Least cost: sequential LP from the best confirmed ration with a trust region on the amounts, until the
            // linearisation at the best ration promises no saving or the step is too small to move.
            var criterion = _request.Changes is not null ? "changes limited: the first confirmed ration with the fewest changes"
                : _leastCost ? RefineEach(_confirmed)
                : "first confirmed ration (least-cost rounds off)";
            return Answer(_best, criterion);
        }

        /// <summary>The linearise → solve → confirm loop from one start, with halfway steps and margins for curvature. A start on
        /// one forage keeps at least <see cref="KeptBaseShare"/> of that forage's starting amount in these rounds: the first LP,
        /// free, would leave the region at once for the linearisation's global optimum (which the other starts reach); the
        /// least-cost rounds from its confirmed ration may then move the forage freely, step by step.</summary>
        private Candidate? FindConfirmed(double[] start, int baseForage = -1)
        {
            var x = start;
            RationPoint? atX = null;
            var margins = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var round = 1; round <= MaxIterations; round++)
            {
                var linear = atX?.Linearization ?? Linearize(x);
                var (dmMin, dmMax) = IntakeBounds(_predicted);
                var lp = ModelBuilder.Build(_request, dmMin, dmMax);
                if (baseForage >= 0)
                {
                    lp.Lower[baseForage] = Math.Max(lp.Lower[baseForage], Math.Min(lp.Upper[baseForage], KeptBaseShare * start[baseForage]));
                }

                var rows = AnimalRows.Add(lp, linear, _spec, margins);
                LpResult result;
                if (_request.Changes is { } changes)
                {
                    var outcome = ChangeLimiter.Solve(lp, changes);
                    if (outcome.Explanation is { } reason)
                    {
                        _firstInfeasibility ??= reason;
                        return null;
                    }

                    (result, lp, _changed) = (outcome.Result, outcome.Lp, outcome.Changed);
                }
                else
                {
                    result = _lp.Solve(lp);
                    if (result.Status == LpStatus.Infeasible && baseForage >= 0)
                    {
                        // The kept forage is this start's own bound, not the request's: nothing to explain.
                        return null;
                    }

                    if (result.Status == LpStatus.Infeasible)
                    {
                        _firstInfeasibility ??= InfeasibilityAnalyzer.Explain(lp, round > 1 ? $"(Linearised at the ration of round {round - 1}.)" : null);
                        return null;
                    }

                    EnsureSolved(result);
                }

                var next = ResponseBuilder.CleanAmounts(result, _request.FeedCount);
                var candidate = Evaluate(next, lp, result, rows);
                Record(candidate, "feasibility", candidate.Confirmed);
                if (!candidate.Confirmed && _leastCost && _confirmed.Any(c => SameRegion(c.Amounts, next)))
                {
                    // Rounds from this start lead where an earlier start's confirmed ration already is: its least-cost rounds
                    // cover the region (a start that confirms there on its own is kept: its point may be cheaper).
                    return null;
                }

                if (_closest is null || candidate.WorstPercent > _closest.WorstPercent)
                {
                    _closest = candidate;
                }

                if (candidate.Confirmed)
                {
                    return candidate;
                }

                // From the fourth round, a requirement still short after re-linearising gets a margin (the curvature the line misses).
                if (round >= 3)
                {
                    foreach (var line in candidate.Lines.Where(l => l.Enforced && l.Supplied < l.Required * l.TargetPercent / 100 * (1 - Tolerance)))
                    {
                        var shortfall = line.Required * line.TargetPercent / 100 - line.Supplied;
                        margins[line.Nutrient] = margins.GetValueOrDefault(line.Nutrient) + 1.1 * shortfall;
                    }
                }

                // Re-linearise at the new ration; from the second round halfway between it and the previous point: supply
                // curved in the ration (microbial protein, Met) otherwise makes successive rounds jump between two rations.
                (x, atX) = next.Sum() <= 0 ? (x, atX) : round >= 2 ? (Blend(x, next), null) : (next, candidate.Point);
            }

            return null;
        }

        /// <summary>Least-cost rounds from each start's confirmed ration (the goal program's ration included when it was the one
        /// confirmed); the cheapest result is kept, with its convergence criterion.</summary>
        private string RefineEach(List<Candidate> confirmed)
        {
            if (confirmed.Count == 0)
            {
                confirmed.Add(_best!);
            }

            Candidate? cheapest = null;
            var criterion = "";
            // One least-cost run per region: a start confirmed within SameRegionShare of a cheaper confirmed one leads to the
            // same local optimum by the same rounds.
            var regions = new List<Candidate>();
            foreach (var found in confirmed.OrderBy(c => c.CostPerDay))
            {
                if (!regions.Any(r => SameRegion(r.Amounts, found.Amounts)))
                {
                    regions.Add(found);
                }
            }

            foreach (var start in regions)
            {
                _best = start;
                if (_kept.TryGetValue(start, out var kept))
                {
                    // A kept-forage start: least-cost rounds free at once would leave for the region the other starts reach
                    // (the linearisation there favours the cheaper forage). First the cheapest ration keeping the forage, then
                    // free rounds from it.
                    Refine(kept);
                }

                var reached = Refine();
                _optima.Add(_best!);
                if (cheapest is null || _best!.CostPerDay < cheapest.CostPerDay)
                {
                    (cheapest, criterion) = (_best, confirmed.Count > 1 ? $"{reached} (cheapest of {regions.Count} regions from {confirmed.Count} confirmed starts)" : reached);
                }
            }

            _best = cheapest;
            return criterion;
        }

        /// <summary>
        /// Sequential linear programming from the best confirmed ration: the model is linearised at it (exact there),
        /// the LP is solved with every feed held within ± step kg DM of its amount, and the new ration is evaluated by
        /// the full model. A confirmed, cheaper ration is accepted (and the step doubled when it bound); otherwise the
        /// step is halved. The usual trust-region step control of NLP ration programs.
        /// </summary>
        private string Refine((int Feed, double MinKgDm)? keep = null)
        {
            var best = _best!;
            var step = Math.Max(InitialStepKgDm, InitialStepShare * best.DryMatterKg);
            var linear = best.Point?.Linearization ?? Linearize(best.Amounts);
            var margins = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var round = 1; round <= MaxRefinementRounds; round++)
            {
                var (dmMin, dmMax) = IntakeBounds(best.PredictedIntakeKg);
                var lp = ModelBuilder.Build(_request, dmMin, dmMax);
                if (keep is { } kept)
                {
                    lp.Lower[kept.Feed] = Math.Max(lp.Lower[kept.Feed], Math.Min(lp.Upper[kept.Feed], kept.MinKgDm));
                }

                var rows = AnimalRows.Add(lp, linear, _spec, margins);
                var trusted = lp.Clone();
                var stepBinds = new bool[lp.FeedCount];
                for (var j = 0; j < lp.FeedCount; j++)
                {
                    trusted.Lower[j] = Math.Max(lp.Lower[j], best.Amounts[j] - step);
                    trusted.Upper[j] = Math.Min(lp.Upper[j], best.Amounts[j] + step);
                }

                var result = _lp.Solve(trusted);
                if (result.Status != LpStatus.Optimal && margins.Count > 0)
                {
                    // The corrections asked for more than a ration near the best one can give: a shorter step, on the plain lines.
                    margins.Clear();
                    step /= 2;
                    if (step < MinStepKgDm)
                    {
                        return $"step below {MinStepKgDm} kg DM: no confirmed cheaper ration near the best one";
                    }

                    continue;
                }

                if (result.Status != LpStatus.Optimal)
                {
                    // The best ration meets its targets within the tolerance only: no ration near it meets them at 100 %.
                    return $"stationary: at the best ration's linearisation no ration within ±{step:0.###} kg DM meets every target at 100 %";
                }

                var next = ResponseBuilder.CleanAmounts(result, _request.FeedCount);
                var promised = Cost(next);
                if (promised >= best.CostPerDay * (1 - StationaryShare) && margins.Count > 0)
                {
                    // The correction used up the saving at this step: a shorter step, on the plain lines.
                    margins.Clear();
                    step /= 2;
                    if (step < MinStepKgDm)
                    {
                        return $"step below {MinStepKgDm} kg DM: no confirmed cheaper ration near the best one";
                    }

                    continue;
                }

                if (promised >= best.CostPerDay * (1 - StationaryShare))
                {
                    return $"stationary: the linearisation at the best ration promises less than {StationaryShare * 100:0.###} % saving within ±{step:0.###} kg DM";
                }

                for (var j = 0; j < lp.FeedCount; j++)
                {
                    stepBinds[j] = next[j] <= trusted.Lower[j] + 1e-7 && trusted.Lower[j] > lp.Lower[j] + 1e-9
                                   || next[j] >= trusted.Upper[j] - 1e-7 && trusted.Upper[j] < lp.Upper[j] - 1e-9;
                }

                var candidate = Evaluate(next, lp, result, rows);
                var accepted = candidate.Confirmed && candidate.CostPerDay < best.CostPerDay;
                Record(candidate, "least cost", accepted);
                if (accepted && _optima.FirstOrDefault(o => SameRegion(o.Amounts, candidate.Amounts) && o.CostPerDay <= candidate.CostPerDay) is { } known)
                {
                    // Into the region of an earlier run's least-cost ration, no cheaper than it: these rounds would end there.
                    best = _best = candidate;
                    return $"joined the region of an earlier least-cost ration (cost {known.CostPerDay:0.####})";
                }

                if (accepted)
                {
                    best = _best = candidate;
                    linear = candidate.Point?.Linearization ?? Linearize(best.Amounts);
                    margins.Clear();
                    if (stepBinds.Any(b => b))
                    {
                        step *= 2;
                    }
                }
                else if (candidate.CostPerDay < best.CostPerDay && Restore(candidate, best, step) is { } restored)
                {
                    // Restored at the new ration's own lines: accepted, re-linearise there.
                    best = _best = restored;
                    linear = restored.Point?.Linearization ?? Linearize(best.Amounts);
                    margins.Clear();
                }
                else if (candidate.CostPerDay < best.CostPerDay && ShorterStep(best, next, lp, result, rows) is { } shorter)
                {
                    // Part of the way is confirmed: the curvature the line misses shrinks with the square of the step, the
                    // saving only with the step. Re-linearise there.
                    best = _best = shorter;
                    linear = shorter.Point?.Linearization ?? Linearize(best.Amounts);
                    margins.Clear();
                }
                else
                {
                    // Second-order correction: where the line promised more than the full model gives at the new ration,
                    // ask the next LP (same linearisation) for that much more; and take a shorter step.
                    foreach (var line in candidate.Lines.Where(l => l.Enforced && l.Supplied < l.Required * l.TargetPercent / 100))
                    {
                        var row = linear[line.Nutrient];
                        var share = line.TargetPercent / 100;
                        var optimism = row.SupplyAt(next) - share * row.RequirementAt(next) - (line.Supplied - share * line.Required);
                        if (optimism > 0)
                        {
                            margins[line.Nutrient] = margins.GetValueOrDefault(line.Nutrient) + optimism;
                        }
                    }

                    step /= 2;
                    if (step < MinStepKgDm)
                    {
                        return $"step below {MinStepKgDm} kg DM: no confirmed cheaper ration near the best one";
                    }
                }
            }

            return $"round limit ({MaxRefinementRounds} least-cost rounds) reached";
        }

        /// <summary>
        /// Feasibility restoration (the usual companion of a trust-region step in sequential LP): a cheaper ration the full model
        /// finds a little short is moved, at its own linearisation (exact there) and within a quarter of the step, to the cheapest
        /// ration meeting every target; accepted if the full model confirms it and it is still cheaper than the best. Tried only
        /// when the shortfall is small (the worst enforced requirement at ≥ <see cref="RestoreFromPercent"/> % of its target).
        /// </summary>
        private Candidate? Restore(Candidate candidate, Candidate best, double step)
        {
            if (candidate.WorstPercent < RestoreFromPercent || !candidate.Rails.All(r => r.Met) || candidate.Point is null)
            {
                return null;
            }

            var (dmMin, dmMax) = IntakeBounds(candidate.PredictedIntakeKg);
            var lp = ModelBuilder.Build(_request, dmMin, dmMax);
            var rows = AnimalRows.Add(lp, candidate.Point.Linearization, _spec, NoMargins);
            var trusted = lp.Clone();
            var radius = Math.Max(step / 4, MinStepKgDm);
            for (var j = 0; j < lp.FeedCount; j++)
            {
                trusted.Lower[j] = Math.Max(lp.Lower[j], candidate.Amounts[j] - radius);
                trusted.Upper[j] = Math.Min(lp.Upper[j], candidate.Amounts[j] + radius);
            }

            var result = _lp.Solve(trusted);
            if (result.Status != LpStatus.Optimal)
            {
                return null;
            }

            var restored = Evaluate(ResponseBuilder.CleanAmounts(result, _request.FeedCount), lp, result, rows);
            var accepted = restored.Confirmed && restored.CostPerDay < best.CostPerDay;
            Record(restored, "least cost", accepted);
            return accepted ? restored : null;
        }

        /// <summary>Line search from the best ration towards the LP's: the first of half and a quarter of the way that the
        /// full model confirms (cheaper by construction), or null. Its LP answer is the round's, with these amounts.</summary>
        private Candidate? ShorterStep(Candidate best, double[] next, LinearProgram lp, LpResult result, AnimalRows rows)
        {
            for (var (step, share) = (0, 0.5); step < LineSearchSteps; step++, share /= 2)
            {
                var amounts = new double[next.Length];
                for (var j = 0; j < next.Length; j++)
                {
                    amounts[j] = best.Amounts[j] + share * (next[j] - best.Amounts[j]);
                }

                var x = (double[])result.X.Clone();
                Array.Copy(amounts, x, amounts.Length);
                var candidate = Evaluate(amounts, lp, result with { X = x }, rows);
                var accepted = candidate.Confirmed && candidate.CostPerDay < best.CostPerDay;
                Record(candidate, "least cost", accepted);
                if (accepted)
                {
                    return candidate;
                }
            }

            return null;
        }

        private Candidate Evaluate(double[] amounts, LinearProgram lp, LpResult result, AnimalRows rows)
        {
            // The full evaluation at the new ration (intake = Σ amounts, no target), its linearisation worked out if it is used.
            var point = amounts.Sum() > 0 ? Point(amounts) : null;
            var full = point?.Evaluation
                       ?? DairyModel.Evaluate(new DairyInput(_animal with { TargetDryMatterIntakeKg = null }, _equations with { DmiEquation = 0 }, Diet(_feeds, amounts)));
            if (DietDependentIntake.Contains(_intakeEquation) && amounts.Sum() > 0)
            {
                _predicted = PredictIntake(amounts);
            }

            var (dmMin, dmMax) = IntakeBounds(_predicted);
            var check = Check(full, rows, _spec, _feeds, amounts);
            var dm = amounts.Sum();
            // Intake equations that read the diet move with the ration: the ration's DM must sit within the bounds at
            // its own prediction (1 % of it, as for the requirements).
            var intakeMet = dm >= dmMin - Tolerance * _predicted && dm <= dmMax + Tolerance * _predicted;
            return new Candidate(amounts, Cost(amounts), dm, _predicted, dmMin, dmMax, lp, result, rows, check.Lines, check.Rails,
                check.Confirmed && intakeMet, check.Worst, check.WorstPercent, point);
        }

        private void Record(Candidate candidate, string phase, bool accepted) =>
            _iterations.Add(new IterationResult(_iterations.Count + 1, candidate.CostPerDay, candidate.DryMatterKg, candidate.Worst, candidate.WorstPercent,
                phase, accepted));

        private FormulationResponse Answer(Candidate chosen, string criterion)
        {
            var animalResult = Result(chosen.DryMatterMin, chosen.DryMatterMax, chosen.Confirmed, chosen.Lines, chosen.Rails, criterion, chosen.PredictedIntakeKg)
                with { ShortAtFivePercentLowerIntake = ShortAtLowerIntake(chosen) };
            var summary = _request.Changes is { } limit ? ExplicitFormulation.Summary(_request, limit, _changed) : null;
            return ResponseBuilder.Optimal(_request, chosen.Lp, chosen.Result, summary, animalResult, chosen.Rows.Results(chosen.Lp, chosen.Result));
        }

        /// <summary>
        /// The best ration when none meets everything: goal programming (<see cref="InfeasibilityAnalyzer.BestPossible"/>) at the
        /// linearisation of the neutral mix, then twice more at its own answer; the full model says what it leaves short.
        /// </summary>
        private (BestPossibleRation? Ration, double[]? Amounts) BestPossible()
        {
            var x = StartingDiet(_request, _feeds, _predicted, StartingMix.Neutral);
            (double[] Amounts, AnimalRows Rows)? found = null;
            for (var round = 0; round < BestPossibleRounds; round++)
            {
                var (dmMin, dmMax) = IntakeBounds(_predicted);
                var lp = ModelBuilder.Build(_request, dmMin, dmMax);
                var rows = AnimalRows.Add(lp, Linearize(x), _spec, NoMargins);
                if (InfeasibilityAnalyzer.BestPossible(lp) is not { } goal)
                {
                    break;
                }

                var next = ResponseBuilder.CleanAmounts(goal.Result, _request.FeedCount);
                if (next.Sum() <= 0)
                {
                    break;
                }

                found = (next, rows);
                x = next;
            }

            if (found is not { } best)
            {
                return (null, null);
            }

            var full = Point(best.Amounts).Evaluation;
            var check = Check(full, best.Rows, _spec, _feeds, best.Amounts);
            var shortLines = check.Lines.Where(l => l.Enforced && !l.Met).ToList();
            var missed = check.Rails.Where(r => !r.Met).ToList();
            var dm = best.Amounts.Sum();
            var feeds = _request.Feeds.Select(f => new FeedResult(f.Id, f.Name, best.Amounts[f.Index], best.Amounts[f.Index] / f.DryMatterFraction,
                dm > 0 ? best.Amounts[f.Index] / dm * 100 : 0, f.PricePerKgDm, best.Amounts[f.Index] * f.PricePerKgDm, null, null, null, null)).ToList();
            var shortWords = shortLines.Select(l => $"{l.Nutrient} at {Wording.Number(l.Supplied / (l.Required * l.TargetPercent / 100) * 100)} % of its target")
                .Concat(missed.Select(r => $"{r.Name} at {Wording.Number(r.Value)} {r.Unit}"));
            var warning = "No ration meets every requirement and guard rail. The best the feeds allow leaves "
                          + (shortLines.Count + missed.Count > 0 ? string.Join(", ", shortWords) : "nothing short by the full model (the linear model could not confirm it)")
                          + ": use it only as a stopgap and apply a suggestion.";
            return (new BestPossibleRation(warning, Cost(best.Amounts), dm, feeds, shortLines, missed, []), best.Amounts);
        }

        /// <summary>The enforced requirements below 100 % of their target when every feed is eaten 5 % less (full model).</summary>
        private List<RequirementCheck> ShortAtLowerIntake(Candidate chosen)
        {
            var less = chosen.Amounts.Select(kg => kg * (1 - LowerIntakeShare)).ToArray();
            if (less.Sum() <= 0)
            {
                return [];
            }

            var full = DairyModel.Evaluate(new DairyInput(_animal with { TargetDryMatterIntakeKg = null }, _equations with { DmiEquation = 0 }, Diet(_feeds, less)));
            var check = Check(full, chosen.Rows, _spec, _feeds, less);
            return [.. check.Lines.Where(l => l.Enforced && l.Supplied < l.Required * l.TargetPercent / 100)];
        }

        private AnimalResult Result(double dmMin, double dmMax, bool confirmed, IReadOnlyList<RequirementCheck> lines, IReadOnlyList<GuardRailCheck> rails,
            string criterion, double? predicted = null) =>
            new(predicted ?? _predicted, _intakeEquation, new Bounds(dmMin, dmMax), _iterations, confirmed, lines, rails, criterion, _spec.Rails);

        private RationLinearization Linearize(double[] x) => Point(x).Linearization;

        private RationPoint Point(double[] x) => RationLinearization.EvaluateAt(new DairyInput(_animal, _equations, Diet(_feeds, x)));

        private double Cost(double[] x)
        {
            var cost = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                cost += x[j] * _request.Feeds[j].PricePerKgDm;
            }

            return cost;
        }

        private double PredictIntake(double[] x)
        {
            if (_intakeEquation == 0)
            {
                return _animal.TargetDryMatterIntakeKg!.Value;
            }

            var result = DairyModel.Evaluate(new DairyInput(_animal, _equations with { DmiEquation = _intakeEquation }, Diet(_feeds, x)));
            return result.DryMatterIntakeKg;
        }

        private (double Min, double Max) IntakeBounds(double predicted) =>
            (_request.DryMatterMin ?? predicted * (1 - _spec.TolerancePercent / 100), _request.DryMatterMax ?? predicted * (1 + _spec.TolerancePercent / 100));

        private static void EnsureSolved(LpResult result)
        {
            if (result.Status != LpStatus.Optimal)
            {
                throw new InvalidOperationException("The LP solvers (GLOP, then CLP) failed on this model.");
            }
        }
    }

    /// <summary>A ration the LP proposed, with the full model's verdict.</summary>
    private sealed record Candidate(
        double[] Amounts,
        double CostPerDay,
        double DryMatterKg,
        double PredictedIntakeKg,
        double DryMatterMin,
        double DryMatterMax,
        LinearProgram Lp,
        LpResult Result,
        AnimalRows Rows,
        IReadOnlyList<RequirementCheck> Lines,
        IReadOnlyList<GuardRailCheck> Rails,
        bool Confirmed,
        string? Worst,
        double WorstPercent,
        RationPoint? Point);

    private enum StartingMix
    {
        Neutral,
        ForageRich,
        ConcentrateRich,

        /// <summary>The intake shared in proportion to (cheapest price ÷ price)²: the region of the cheap feeds (straw for dry
        /// cows and heifers), which the other mixes' rounds do not reach.</summary>
        Cheapest,

        /// <summary>One forage carries most of the intake, the concentrates share the rest.</summary>
        ForageBase,
    }

    /// <summary>NASEM (2021) Ch. 2: Eq. 2-1 lactating (animal factors, DMIn_eqn 8), the dry-cow late-gestation
    /// equation (10), Eq. 2-3 heifers (2) — the same defaults as the herd's group model.</summary>
    private static int DefaultIntakeEquation(PhysiologicalState state) => state switch
    {
        PhysiologicalState.LactatingCow => 8,
        PhysiologicalState.DryCow => 10,
        _ => 2,
    };

    private static bool SameRegion(double[] confirmed, double[] amounts)
    {
        var distance = 0.0;
        var total = 0.0;
        for (var j = 0; j < amounts.Length; j++)
        {
            distance += Math.Abs(confirmed[j] - amounts[j]);
            total += amounts[j];
        }

        return distance <= SameRegionShare * total;
    }

    private static double[] Blend(double[] previous, double[] next)
    {
        var blend = new double[next.Length];
        for (var j = 0; j < next.Length; j++)
        {
            blend[j] = (previous[j] + next[j]) / 2;
        }

        return blend;
    }

    private static DietEntry[] Diet(Feed[] feeds, double[] x)
    {
        var diet = new DietEntry[feeds.Length];
        for (var j = 0; j < feeds.Length; j++)
        {
            diet[j] = new DietEntry(feeds[j], x[j]);
        }

        return diet;
    }

    /// <summary>Starts on one forage each: the cheapest per kg DM first, at most <see cref="ForageBaseStarts"/>.</summary>
    private static IEnumerable<int> ForageBases(PreparedRequest request, Feed[] feeds) =>
        Enumerable.Range(0, feeds.Length)
            .Where(j => feeds[j].IsForage && !request.Excluded[j] && request.Fixed[j] is null && (request.Feeds[j].MaxKgDm ?? double.PositiveInfinity) > 0)
            .OrderBy(j => request.Feeds[j].PricePerKgDm)
            .Take(ForageBaseStarts);

    /// <summary>A ration to linearise at first: fixed amounts and minimums, the rest of the intake shared by the feeds by the
    /// mix's weights (minerals and vitamins at a token share), within each feed's maximum.</summary>
    private static double[] StartingDiet(PreparedRequest request, Feed[] feeds, double intake, StartingMix mix, int baseForage = -1)
    {
        var n = feeds.Length;
        var cheapest = request.Feeds.Where(f => f.NasemFeed?.Category != "Vitamin/Mineral" && f.PricePerKgDm > 0).Select(f => f.PricePerKgDm).DefaultIfEmpty(1).Min();
        var x = new double[n];
        var weight = new double[n];
        var upper = new double[n];
        for (var j = 0; j < n; j++)
        {
            var feed = request.Feeds[j];
            upper[j] = request.Excluded[j] ? 0 : request.Fixed[j] ?? feed.MaxKgDm ?? double.PositiveInfinity;
            foreach (var stock in request.Inventory.Where(s => s.Feed == j))
            {
                upper[j] = Math.Min(upper[j], stock.CapKgDmPerHead);
            }

            x[j] = Math.Min(request.Fixed[j] ?? feed.MinKgDm ?? 0, upper[j]);
            weight[j] = request.Fixed[j] is not null || upper[j] <= x[j] ? 0
                : feeds[j].Category == "Vitamin/Mineral" ? 0.02
                : mix switch
                {
                    StartingMix.ForageRich => feeds[j].IsForage ? 3 : 1,
                    StartingMix.ConcentrateRich => feeds[j].IsForage ? 1 : 2,
                    StartingMix.Cheapest => feed.PricePerKgDm > 0 ? Math.Pow(cheapest / feed.PricePerKgDm, 2) : 1,
                    // The base forage carries the forage share (capped at its maximum; the rest spread as usual).
                    StartingMix.ForageBase => j == baseForage ? 3 * n : feeds[j].IsForage ? 0.1 : 1,
                    _ => 1,
                };
        }

        var remaining = intake - x.Sum();
        for (var round = 0; round < n && remaining > 1e-9; round++)
        {
            var total = weight.Sum();
            if (total <= 0)
            {
                break;
            }

            var given = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (weight[j] <= 0)
                {
                    continue;
                }

                var add = Math.Min(remaining * weight[j] / total, upper[j] - x[j]);
                x[j] += add;
                given += add;
                if (x[j] >= upper[j] - 1e-12)
                {
                    weight[j] = 0;
                }
            }

            remaining -= given;
        }

        if (x.Sum() <= 0)
        {
            // Every feed excluded or capped at 0: linearise anywhere, the LP reports the conflict.
            Array.Fill(x, intake / n);
        }

        return x;
    }

    private static (IReadOnlyList<RequirementCheck> Lines, IReadOnlyList<GuardRailCheck> Rails, bool Confirmed, string? Worst, double WorstPercent)
        Check(DairyResult full, AnimalRows rows, PreparedAnimal spec, Feed[] feeds, double[] amounts)
    {
        var lines = new List<RequirementCheck>();
        string? worst = null;
        var worstPercent = double.PositiveInfinity;
        var confirmed = true;
        foreach (var pair in DairyBalances.Pairs)
        {
            var required = full.ValueOrNaN(pair.RequirementVariable);
            var supplied = full.ValueOrNaN(pair.SupplyVariable);
            if (!double.IsFinite(required) || !double.IsFinite(supplied))
            {
                continue;
            }

            var enforced = rows.Targets.TryGetValue(pair.Nutrient, out var target);
            var minPercent = enforced ? target.Min : 100;
            double? percent = required > 0 ? supplied / required * 100 : null;
            // Met: at least the target (and at most the maximum), exactly. Within tolerance: within 1 % of them, the rule the
            // formulation confirms a ration by (the linearisation's error near the answer).
            var maxPercent = enforced ? target.Max : null;
            var ofTarget = minPercent > 0 ? supplied / (required * minPercent / 100) * 100 : double.PositiveInfinity;
            var underMax = maxPercent is not { } max || supplied <= required * max / 100 * (1 + 1e-9);
            var met = ofTarget >= 100 * (1 - 1e-9) && underMax;
            var within = ofTarget >= 100 * (1 - Tolerance) && (maxPercent is not { } limit || supplied <= required * limit / 100 * (1 + Tolerance));
            if (enforced)
            {
                if (ofTarget < worstPercent)
                {
                    (worst, worstPercent) = (pair.Nutrient, ofTarget);
                }

                confirmed &= within;
            }

            lines.Add(new RequirementCheck(pair.Nutrient, pair.Unit, required, supplied, supplied - required, percent, enforced, minPercent, met,
                within, Tolerance * 100, maxPercent));
        }

        var rails = new List<GuardRailCheck>
        {
            Rail("forage NDF", "% DM", full["Dt_ForNDF"], spec.MinForageNdfPercentOfDm, null, 1e-6, "minForageNdfPercentOfDm"),
            Rail("NDF", "% DM", full["Dt_NDF"], spec.MinNdfPercentOfDm, null, 1e-6, "minNdfPercentOfDm"),
            Rail("starch", "% DM", full["Dt_St"], null, spec.MaxStarchPercentOfDm, 1e-6, "maxStarchPercentOfDm"),
            Rail("fatty acids", "% DM", full["Dt_FA"], null, spec.MaxFatPercentOfDm, 1e-6, "maxFatPercentOfDm"),
            // Ruminal N balance against microbial CP before NASEM's cap at RDP N (after it, the balance is never negative): RDP
            // covers what the digested NDF and starch would grow. It moves with microbial growth (not linear): the tolerance of the RDP supply.
            Rail("ruminal N balance", "g CP/d", full["An_RDPbal_uncapped_g"], spec.MinRumenNitrogenBalanceGramsPerDay, null, Tolerance * full["An_RDPIn_g"], "minRumenNitrogenBalanceGramsPerDay"),
        };
        rails.AddRange(CompositionRails(spec.Rails, feeds, amounts));
        confirmed &= rails.All(r => r.Met);
        return (lines, rails, confirmed, worst, double.IsFinite(worstPercent) ? worstPercent : 100);
    }

    /// <summary>The guard rails that are exactly linear in the feeds' composition, at <paramref name="amounts"/>.</summary>
    private static IEnumerable<GuardRailCheck> CompositionRails(GuardRails rails, Feed[] feeds, double[] amounts)
    {
        var dm = amounts.Sum();
        double Concentration(Func<Feed, double> value)
        {
            var sum = 0.0;
            for (var j = 0; j < feeds.Length; j++)
            {
                sum += amounts[j] * value(feeds[j]);
            }

            return dm > 0 ? sum / dm : 0;
        }

        // As the library gives it (a blank cell counts 0), as the LP row takes it: the model's completion of blank cells (a vitamin
        // premix's CP taken from a similar premix) would move the rail by a few thousandths of a percent.
        var cp = Concentration(f => f.OrZero(FeedNutrient.Fd_CP));
        yield return Rail("crude protein", "% DM", cp, rails.MinCrudeProteinPercentOfDm, rails.MaxCrudeProteinPercentOfDm, 1e-6,
            cp < (rails.MinCrudeProteinPercentOfDm ?? 0) ? "minCrudeProteinPercentOfDm" : "maxCrudeProteinPercentOfDm");
        foreach (var (column, limit) in rails.MaxMineralPerKgDm!.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var nutrient = Enum.Parse<FeedNutrient>(column);
            yield return Rail(AnimalRows.MineralName(column), AnimalRows.MineralUnit(column), Concentration(f => f.OrZero(nutrient)), null, limit, 1e-6, $"maxMineralPerKgDm.{column}");
        }

        yield return Rail("supplemental Se", "mg/kg DM", Concentration(f => AnimalRows.IsSupplement(f) ? f.OrZero(FeedNutrient.Fd_Se) : 0), null,
            rails.MaxSupplementalSeleniumMgPerKgDm, 1e-6, "maxSupplementalSeleniumMgPerKgDm");
        var phosphorus = Concentration(f => f.OrZero(FeedNutrient.Fd_P));
        var ratio = phosphorus > 0 ? Concentration(f => f.OrZero(FeedNutrient.Fd_Ca)) / phosphorus : double.PositiveInfinity;
        yield return Rail("Ca:P", "Ca:P", ratio, rails.MinCalciumToPhosphorus, rails.MaxCalciumToPhosphorus, 1e-6,
            ratio < (rails.MinCalciumToPhosphorus ?? 0) ? "minCalciumToPhosphorus" : "maxCalciumToPhosphorus");
        if (rails.MaxDcadMilliequivalentsPerKgDm is { } dcad)
        {
            yield return Rail("DCAD", "mEq/kg DM", Concentration(AnimalRows.Dcad), null, dcad, 1e-6, "maxDcadMilliequivalentsPerKgDm");
        }
    }

    private static GuardRailCheck Rail(string name, string unit, double value, double? min, double? max, double tolerance, string field)
    {
        var slack = Math.Max(tolerance, 1e-9);
        var met = (min is not { } a || value >= a - Math.Max(slack, Math.Abs(a) * 1e-6)) && (max is not { } b || value <= b + Math.Max(slack, Math.Abs(b) * 1e-6));
        return new GuardRailCheck(name, unit, value, min, max, met, $"guardRails.{field}");
    }
}
