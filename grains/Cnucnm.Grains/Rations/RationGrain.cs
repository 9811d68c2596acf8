using Cnucnm.Nutrition.Messages;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Cnucnm.Formulation;
using Cnucnm.Grains.Alerts;
using Cnucnm.Grains.Farms;

namespace Cnucnm.Grains.Rations;

[GrainType("ration")]
public sealed class RationGrain(
    [PersistentState("ration", ProviderNames.GrainState)] IPersistentState<RationState> state,
    IRationEvaluator evaluator,
    IGroupFormulator formulator,
    AlertRaiser alerts,
    TimeProvider clock) : Grain, IRationGrain
{
    private const int HistoryKept = 200;

    /// <summary>Amounts closer than this (kg DM per head) are the same ration.</summary>
    private const double SameAmountKg = 0.005;

    private RationState State => state.State;

    private Guid GroupId => this.GetPrimaryKey();

    public Task<RationSnapshot> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new RationSnapshot(GroupId, State.FarmId, State.Current, State.Suggestion, State.Settings, State.History));

    public Task<RationVersion?> GetCurrentAsync(CancellationToken cancellationToken = default) => Task.FromResult(State.Current);

    public async Task UpdateGroupAsync(RationGroupInputs group, CancellationToken cancellationToken = default)
    {
        if (group != State.Group || group.Inputs.HeadCount != State.HeadCount)
        {
            state.State = State with { Group = group, HeadCount = group.Inputs.HeadCount };
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task AttachAsync(Guid farmId, int headCount, CancellationToken cancellationToken = default)
    {
        state.State = State with { FarmId = farmId, HeadCount = headCount };
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task<RationSnapshot> SetSettingsAsync(FormulationSettings settings, string changedBy, CancellationToken cancellationToken = default)
    {
        state.State = State with { Settings = settings };
        await state.WriteStateAsync(cancellationToken);
        return await GetAsync(cancellationToken);
    }

    public async Task<RationVersion> SetRationAsync(RationInputs inputs, IReadOnlyList<RationItem> items, RationChangeCause cause, DateTimeOffset? inForceSince,
        CancellationToken cancellationToken = default)
    {
        var context = Context(inputs);
        var version = Build(context, items.Select(i => (i.FeedId, i.KgDryMatterPerHead)), cause, NextVersion());
        if (inForceSince is { } since && since < version.CreatedAt)
        {
            version = version with { InForceSince = since };
        }

        await ApplyAsync(version, context, cancellationToken);
        return version;
    }

    public async Task<ReformulationResult> ReformulateAsync(RationInputs inputs, RationChangeCause cause, double? observedDryMatterIntakeKgPerHead = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var groupBrought = inputs.Group is not null && inputs.Group != State.Group;
        var context = Context(inputs);
        if (groupBrought)
        {
            // Kept for the farm's calls, which come without it, whatever this re-formulation finds.
            await state.WriteStateAsync(cancellationToken);
        }

        if (State.Settings is not { Candidates.Count: > 0 } settings || State.FarmId == Guid.Empty)
        {
            return new ReformulationResult(ReformulationOutcome.NotReady, null, "No candidate feeds are set for this group's formulation.");
        }

        if (context.Group is null)
        {
            return new ReformulationResult(ReformulationOutcome.NotReady, null, "The group or farm does not exist.");
        }

        if (observedDryMatterIntakeKgPerHead is null && context.Policy.FormulateWithAdaptedIntake)
        {
            // Learned by the group from its complete intake days (AdaptedIntake) and brought with its part of the inputs.
            observedDryMatterIntakeKgPerHead = context.Group.AdaptedDryMatterIntakeKgPerHead;
        }

        var formulation = await formulator.FormulateAsync(context.Group.Inputs, context.Profile, State.FarmId, context.Feeds, settings,
            observedDryMatterIntakeKgPerHead, clock.GetUtcNow(), cancellationToken);
        if (!formulation.Ready)
        {
            return new ReformulationResult(ReformulationOutcome.NotReady, null, formulation.Explanation, formulation.Response);
        }

        var best = formulation.Response?.BestPossible is { } b && b.Feeds.Any(f => f.KgDm > 1e-6) ? b : null;
        var proposed = formulation.Feasible ? Build(context, formulation.Amounts.Select(a => (a.Key, a.Value)), cause, NextVersion()) : null;
        var outcome = RationBook.Decide(formulation.Feasible, best is not null, context.Policy.Reformulation, State.Current is not null, cause.Kind,
            proposed is not null && State.Current is { } now && SameAmounts(now, proposed));
        switch (outcome)
        {
            case ReformulationOutcome.BestPossible:
                return await SuggestBestPossibleAsync(context, best!, cause, formulation.Response!, cancellationToken);
            case ReformulationOutcome.Infeasible:
                await RaiseFormulationAlertAsync(AlertSeverity.Critical, ServerMessage.Of("alert.infeasible.title", ("group", context.Group.Name)),
                    formulation.Response?.Explanation?.SummaryMessage
                        ?? (formulation.Explanation is { } explanation ? ServerMessage.Of("text", ("text", explanation)) : ServerMessage.Of("alert.infeasible.detail")),
                    InfeasibleAlertKey, cancellationToken);
                return new ReformulationResult(ReformulationOutcome.Infeasible, null, formulation.Explanation, formulation.Response);
        }

        await ClearNearMissAsync(cancellationToken);
        if (outcome == ReformulationOutcome.Unchanged)
        {
            // The same amounts, but a price may have moved (the usual cause of a re-formulation): the current ration
            // shows what it costs today.
            var current = State.Current!;
            var repriced = Build(context, current.Items.Select(i => (i.FeedId, i.KgDryMatterPerHead)), current.Cause, current.Version) with
            {
                CreatedAt = current.CreatedAt,
            };
            if (repriced.CostPerHeadPerDay != current.CostPerHeadPerDay || repriced.Items.Zip(current.Items).Any(p => p.First.CostPerHead != p.Second.CostPerHead))
            {
                state.State = State with { Current = repriced };
                await state.WriteStateAsync(cancellationToken);
            }

            return new ReformulationResult(ReformulationOutcome.Unchanged, State.Current, null, formulation.Response);
        }

        if (outcome == ReformulationOutcome.Applied)
        {
            await ApplyAsync(proposed!, context, cancellationToken);
            return new ReformulationResult(ReformulationOutcome.Applied, proposed, null, formulation.Response);
        }

        var difference = proposed!.CostPerHeadPerDay - State.Current?.CostPerHeadPerDay;
        var replacesWaiting = State.Suggestion is not null;
        state.State = State with { Suggestion = new RationSuggestion(Guid.CreateVersion7(), proposed, difference) };
        await state.WriteStateAsync(cancellationToken);
        var reason = cause.ReasonMessage ?? ServerMessage.Of("text", ("text", cause.Reason));
        var summaryMessage = (difference is { } d
            ? ServerMessage.Of(d <= 0 ? "alert.suggestion.titleSaves" : "alert.suggestion.titleCosts", ("group", context.Group.Name),
                ("amount", Math.Abs(d).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)), ("currency", context.Profile.Currency))
            : ServerMessage.Of("alert.suggestion.title", ("group", context.Group.Name))).WithItems([reason]);
        var summary = ServerText.English(summaryMessage);
        await PublishAsync(FarmEventKind.SuggestionCreated, summary,
            new Dictionary<string, double> { ["costDifferencePerHeadPerDay"] = (double)(difference ?? 0) });
        if (replacesWaiting)
        {
            // A suggestion replacing one still waiting gets its own alert: the waiting one's is closed first.
            await alerts.CloseAsync(State.FarmId, SuggestionAlertKey, "system", cancellationToken);
        }

        await alerts.RaiseAsync(State.FarmId, GroupId, AlertKind.RationSuggestion, AlertSeverity.Info, summaryMessage,
            ServerMessage.Of("alert.suggestion.detail"), SuggestionAlertKey, cancellationToken);
        return new ReformulationResult(ReformulationOutcome.Suggested, proposed, null, formulation.Response);
    }

    public async Task<ReformulationResult> PreviewFormulationAsync(RationInputs inputs, FormulationSettings settings, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var context = Context(inputs, remember: false);
        if (settings.Candidates.Count == 0 || State.FarmId == Guid.Empty)
        {
            return new ReformulationResult(ReformulationOutcome.NotReady, null, "No candidate feeds are set for this group's formulation.");
        }

        if (context.Group is null)
        {
            return new ReformulationResult(ReformulationOutcome.NotReady, null, "The group or farm does not exist.");
        }

        var observed = context.Policy.FormulateWithAdaptedIntake ? context.Group.AdaptedDryMatterIntakeKgPerHead : null;
        var formulation = await formulator.FormulateAsync(context.Group.Inputs, context.Profile, State.FarmId, context.Feeds, settings, observed, clock.GetUtcNow(), cancellationToken);
        if (!formulation.Ready)
        {
            return new ReformulationResult(ReformulationOutcome.NotReady, null, formulation.Explanation, formulation.Response);
        }

        // Decided as ReformulateAsync decides, for a member's request; built (full model) but never stored.
        var cause = RationChangeCause.Of(RationChangeKind.Formulated, actor, ServerMessage.Of("reason.formulated"));
        var best = formulation.Response?.BestPossible is { } b && b.Feeds.Any(f => f.KgDm > 1e-6) ? b : null;
        var proposed = formulation.Feasible ? Build(context, formulation.Amounts.Select(a => (a.Key, a.Value)), cause, NextVersion()) : null;
        var outcome = RationBook.Decide(formulation.Feasible, best is not null, context.Policy.Reformulation, State.Current is not null, cause.Kind,
            proposed is not null && State.Current is { } now && SameAmounts(now, proposed));
        return outcome switch
        {
            ReformulationOutcome.BestPossible => new ReformulationResult(outcome,
                Build(context, best!.Feeds.Select(f => (f.Id, f.KgDm)), cause.Wrapped("reason.bestPossible"), NextVersion()), best.Warning, formulation.Response),
            ReformulationOutcome.Infeasible => new ReformulationResult(outcome, null, formulation.Explanation, formulation.Response),
            _ => new ReformulationResult(outcome, proposed, null, formulation.Response),
        };
    }

    /// <summary>
    /// A near miss: the best-possible ration becomes the waiting suggestion whatever the farm's policy (a ration short of a
    /// requirement is never fed without someone approving it), with a warning alert that says what it leaves short, by how much,
    /// and the verified ways out. The current ration, if any, stays.
    /// </summary>
    private async Task<ReformulationResult> SuggestBestPossibleAsync(RationContext context, BestPossibleRation best, RationChangeCause cause,
        FormulationResponse response, CancellationToken cancellationToken)
    {
        var proposed = Build(context, best.Feeds.Select(f => (f.Id, f.KgDm)), cause.Wrapped("reason.bestPossible"), NextVersion());
        var difference = proposed.CostPerHeadPerDay - State.Current?.CostPerHeadPerDay;
        var replacesWaiting = State.Suggestion is { BestPossible: null };
        state.State = State with { Suggestion = new RationSuggestion(Guid.CreateVersion7(), proposed, difference, best) };
        await state.WriteStateAsync(cancellationToken);
        if (replacesWaiting)
        {
            // A ration that meets everything no longer exists: its "new ration suggested" alert is over.
            await alerts.CloseAsync(State.FarmId, SuggestionAlertKey, "system", cancellationToken);
        }

        var title = NearMissAlert.Title(context.Group?.Name, best);
        await PublishAsync(FarmEventKind.SuggestionCreated, ServerText.English(title), new Dictionary<string, double> { ["costDifferencePerHeadPerDay"] = (double)(difference ?? 0) });
        await RaiseFormulationAlertAsync(AlertSeverity.Warning, title, NearMissAlert.Detail(best), NearMissAlertKey, cancellationToken);
        return new ReformulationResult(ReformulationOutcome.BestPossible, proposed, best.Warning, response);
    }

    /// <summary>A formulation that meets everything ends the near miss: its warning (and an infeasibility alert) closes and a
    /// best-possible ration still waiting is withdrawn.</summary>
    private async Task ClearNearMissAsync(CancellationToken cancellationToken)
    {
        if (!State.FormulationAlertOpen && State.Suggestion?.BestPossible is null)
        {
            return;
        }

        var alertOpen = State.FormulationAlertOpen;
        state.State = State with { FormulationAlertOpen = false, Suggestion = State.Suggestion?.BestPossible is null ? State.Suggestion : null };
        await state.WriteStateAsync(cancellationToken);
        if (alertOpen)
        {
            await alerts.CloseAsync(State.FarmId, NearMissAlertKey, "system", cancellationToken);
            await alerts.CloseAsync(State.FarmId, InfeasibleAlertKey, "system", cancellationToken);
        }
    }

    private async Task RaiseFormulationAlertAsync(AlertSeverity severity, ServerMessage title, ServerMessage detail, string key, CancellationToken cancellationToken)
    {
        if (!State.FormulationAlertOpen)
        {
            state.State = State with { FormulationAlertOpen = true };
            await state.WriteStateAsync(cancellationToken);
        }

        await alerts.RaiseAsync(State.FarmId, GroupId, AlertKind.InfeasibleFormulation, severity, title, detail, key, cancellationToken);
    }

    private string NearMissAlertKey => $"nearmiss:{GroupId}";

    private string InfeasibleAlertKey => $"infeasible:{GroupId}";

    public async Task<RationVersion?> ApproveSuggestionAsync(RationInputs inputs, Guid suggestionId, string approvedBy, CancellationToken cancellationToken = default)
    {
        if (State.Suggestion?.SuggestionId != suggestionId)
        {
            return null;
        }

        var context = Context(inputs);
        var proposed = State.Suggestion.Proposed;
        // Re-evaluated now: prices or requirements may have moved since it was suggested.
        var version = Build(context, proposed.Items.Select(i => (i.FeedId, i.KgDryMatterPerHead)),
            proposed.Cause.Wrapped("reason.approved", RationChangeKind.SuggestionApproved, approvedBy), NextVersion());
        await ApplyAsync(version, context, cancellationToken);
        return version;
    }

    public async Task<bool> RejectSuggestionAsync(Guid suggestionId, string rejectedBy, CancellationToken cancellationToken = default)
    {
        if (State.Suggestion?.SuggestionId != suggestionId)
        {
            return false;
        }

        state.State = State with { Suggestion = null };
        await state.WriteStateAsync(cancellationToken);
        await alerts.CloseAsync(State.FarmId, SuggestionAlertKey, rejectedBy, cancellationToken);
        return true;
    }

    /// <summary>The one open "new ration suggested" alert of this group, closed when the suggestion is decided or replaced.</summary>
    private string SuggestionAlertKey => $"suggestion:{GroupId}";

    public async Task RefreshAsync(RationInputs inputs, CancellationToken cancellationToken = default)
    {
        var context = Context(inputs);
        if (State.Current is { } current)
        {
            var refreshed = Build(context, current.Items.Select(i => (i.FeedId, i.KgDryMatterPerHead)), current.Cause, current.Version) with
            {
                CreatedAt = current.CreatedAt,
            };
            state.State = State with { Current = refreshed };
            await CheckBalancesAsync(refreshed, context, cancellationToken);
        }

        await state.WriteStateAsync(cancellationToken);
    }

    public async Task<GroupRationUpdate> FeedChangedAsync(RationInputs inputs, string feedId, RationChangeCause? cause,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var usesFeed = State.Current?.Items.Any(i => i.FeedId == feedId) == true;
        if (inputs.Group is null && State.Group is null && (usesFeed || State.Settings?.Candidates.Any(c => c.FeedId == feedId) == true))
        {
            // A ration stored before it kept its group's part, whose group has not been activated since: evaluating without the
            // animal would store a ration without balances. The farm retries (5 s, then every minute) until the group brings it.
            throw new InvalidOperationException($"The ration of group {GroupId} has no group inputs yet; its group brings them when activated.");
        }

        RationVersion? reEvaluated = null;
        if (usesFeed)
        {
            await RefreshAsync(inputs, cancellationToken);
            reEvaluated = State.Current;
        }

        var reformulation = cause is not null && (reEvaluated is not null || State.Settings?.Candidates.Any(c => c.FeedId == feedId) == true)
            ? await ReformulateAsync(inputs, cause, null, cancellationToken)
            : null;
        return new GroupRationUpdate(GroupId, reEvaluated, reformulation);
    }

    public Task<RationFeedChange?> PreviewFeedChangeAsync(RationInputs inputs, FarmFeedDefinition changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (State.Current is not { } current || current.Items.All(i => i.FeedId != changed.FeedId))
        {
            return Task.FromResult<RationFeedChange?>(null);
        }

        var context = Context(inputs, remember: false);
        var amounts = current.Items.Select(i => (i.FeedId, i.KgDryMatterPerHead)).ToList();
        var before = Build(context, amounts, current.Cause, current.Version) with { CreatedAt = current.CreatedAt };
        var today = FarmClock.LocalDay(clock.GetUtcNow(), context.Profile.TimeZone);
        var feeds = context.Feeds.Select(f => f.Definition.FeedId == changed.FeedId ? WithDefinition(f, changed, today) : f).ToList();
        var after = Build(context with { Feeds = feeds }, amounts, current.Cause, current.Version) with { CreatedAt = current.CreatedAt };
        return Task.FromResult<RationFeedChange?>(new RationFeedChange(GroupId, before, after));
    }

    /// <summary>The feed with a new definition; a price per kg DM in effect becomes a new price per kg as fed with the new DM.</summary>
    private static FarmFeed WithDefinition(FarmFeed feed, FarmFeedDefinition definition, DateOnly today)
    {
        var price = feed.PriceHistory.LastOrDefault(p => p.EffectiveFrom <= today);
        return feed with
        {
            Definition = definition,
            PricePerKgAsFed = price?.Basis == PriceBasis.PerKgDryMatter ? price.Amount * (decimal)(definition.DryMatterPercent / 100) : feed.PricePerKgAsFed,
        };
    }

    public Task<MixerSheet?> GetMixerSheetAsync(RationInputs inputs, int? headCount, double? mixerCapacityKgAsFed, double? scaleResolutionKg = null,
        CancellationToken cancellationToken = default)
    {
        if (State.Current is not { } current)
        {
            return Task.FromResult<MixerSheet?>(null);
        }

        var context = Context(inputs, remember: false);
        var feeds = context.Feeds.ToDictionary(f => f.Definition.FeedId);
        var sheet = MixerPlanner.Plan(GroupId, current, headCount ?? State.HeadCount, mixerCapacityKgAsFed ?? State.Settings?.MixerCapacityKgAsFed, feeds,
            scaleResolutionKg);
        if (scaleResolutionKg is null || context.Group is null)
        {
            return Task.FromResult<MixerSheet?>(sheet);
        }

        // What the feeder will actually load, through the full model, next to what was formulated.
        var loaded = MixerPlanner.LoadedPerHead(sheet, feeds).Select(l => new RationFeedAmount(feeds[l.FeedId], l.KgDryMatterPerHead)).ToList();
        var (balances, _, _) = evaluator.Evaluate(context.Group.Inputs, context.Profile, State.FarmId, loaded, clock.GetUtcNow());
        var formulated = current.Balances.ToDictionary(b => b.Nutrient);
        var effects = balances.Where(b => formulated.ContainsKey(b.Nutrient))
            .Select(b => new RoundingEffect(b.Nutrient, b.Unit, formulated[b.Nutrient].PercentOfRequirement, b.PercentOfRequirement)).ToList();
        return Task.FromResult<MixerSheet?>(sheet with { RoundingEffects = effects });
    }

    private int NextVersion() => (State.History.Count == 0 ? 0 : State.History.Max(v => v.Version)) + 1;

    private async Task ApplyAsync(RationVersion version, RationContext context, CancellationToken cancellationToken)
    {
        var history = State.History.Append(version).TakeLast(HistoryKept).ToList();
        var hadSuggestion = State.Suggestion is not null;
        state.State = State with { Current = version, History = history, Suggestion = null };
        await state.WriteStateAsync(cancellationToken);
        if (hadSuggestion)
        {
            // Approved, or overtaken by a ration set another way: either way it no longer waits.
            await alerts.CloseAsync(State.FarmId, SuggestionAlertKey, version.Cause.Actor, cancellationToken);
        }

        RationMetrics.Changes.Add(1, new KeyValuePair<string, object?>("cause", version.Cause.Kind.ToString()));
        await PublishAsync(FarmEventKind.RationChanged,
            $"{context.Group?.Name}: ration v{version.Version} ({version.Cause.Reason})",
            new Dictionary<string, double>
            {
                ["version"] = version.Version,
                ["dryMatterKgPerHead"] = version.DryMatterKgPerHead,
                ["costPerHeadPerDay"] = (double)(version.CostPerHeadPerDay ?? 0),
            });
        await CheckBalancesAsync(version, context, cancellationToken);
    }

    /// <summary>Deficits and excesses beyond the farm's tolerance become alerts.</summary>
    private async Task CheckBalancesAsync(RationVersion version, RationContext context, CancellationToken cancellationToken)
    {
        var tolerance = context.Policy.NutrientTolerancePercent;
        foreach (var balance in version.Balances.Where(b => b.Required > 0 && b.PercentOfRequirement < 100 - tolerance))
        {
            await alerts.RaiseAsync(State.FarmId, GroupId, AlertKind.NutrientDeficit, AlertSeverity.Warning,
                ServerMessage.Of("alert.nutrientDeficit.title", ("group", context.Group?.Name), ("nutrient", balance.Nutrient),
                    ("amount", (-balance.Balance).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)), ("unit", balance.Unit)),
                ServerMessage.Of("alert.nutrientDeficit.detail", ("supplied", balance.Supplied.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
                    ("required", balance.Required.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)), ("unit", balance.Unit),
                    ("percent", balance.PercentOfRequirement.ToString("0", System.Globalization.CultureInfo.InvariantCulture))),
                $"deficit:{GroupId}:{balance.Nutrient}:v{version.Version}", cancellationToken);
        }
    }

    private RationVersion Build(RationContext context, IEnumerable<(string FeedId, double KgDm)> amounts, RationChangeCause cause, int versionNumber)
    {
        var feeds = context.Feeds.ToDictionary(f => f.Definition.FeedId);
        var items = new List<RationItem>();
        var forModel = new List<RationFeedAmount>();
        foreach (var (feedId, kgDm) in amounts.Where(a => a.KgDm > 1e-6))
        {
            if (!feeds.TryGetValue(feedId, out var feed))
            {
                throw new ArgumentException($"Feed '{feedId}' is not on the farm's feed list.", nameof(amounts));
            }

            // kg as fed = kg DM ÷ DM fraction; cost = kg as fed × price per kg as fed (never as-fed price × DM amount).
            var asFed = kgDm / (feed.Definition.DryMatterPercent / 100);
            items.Add(new RationItem(feedId, feed.Definition.Name, kgDm, asFed, feed.PricePerKgAsFed is { } price ? price * (decimal)asFed : null));
            forModel.Add(new RationFeedAmount(feed, kgDm));
        }

        var cost = items.All(i => i.CostPerHead is not null) ? items.Sum(i => i.CostPerHead) : null;
        var (balances, analysis, _) = context.Group is not null
            ? evaluator.Evaluate(context.Group.Inputs, context.Profile, State.FarmId, forModel, clock.GetUtcNow())
            : ([], null, "no group");
        return new RationVersion(versionNumber, clock.GetUtcNow(), cause, items, items.Sum(i => i.KgDryMatterPerHead),
            items.Sum(i => i.KgAsFedPerHead), cost, State.HeadCount, balances, evaluator.CompositionNotes(State.FarmId, forModel), analysis);
    }

    private static bool SameAmounts(RationVersion a, RationVersion b)
    {
        var left = a.Items.ToDictionary(i => i.FeedId, i => i.KgDryMatterPerHead);
        var right = b.Items.ToDictionary(i => i.FeedId, i => i.KgDryMatterPerHead);
        return left.Keys.Union(right.Keys).All(k => Math.Abs(left.GetValueOrDefault(k) - right.GetValueOrDefault(k)) < SameAmountKg);
    }

    /// <summary>
    /// The inputs the caller brought (the ration never calls its group or farm back). A group part that came with them is kept,
    /// with its head count, for callers without one (the farm's feed changes); it is written with the state's next write, which
    /// every changing call makes (<paramref name="remember"/> is false for reads).
    /// </summary>
    private RationContext Context(RationInputs inputs, bool remember = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var group = inputs.Group ?? State.Group;
        if (remember && inputs.Group is { } brought)
        {
            state.State = State with { Group = brought, HeadCount = brought.Inputs.HeadCount };
        }

        return new RationContext(inputs.Profile, inputs.Policy, group, inputs.Feeds);
    }

    private Task PublishAsync(FarmEventKind kind, string summary, IReadOnlyDictionary<string, double> values) =>
        GrainFactory.FarmEvents(State.FarmId).PublishAsync(kind, GroupId, summary, values);

    private sealed record RationContext(FarmProfile Profile, FarmPolicy Policy, RationGroupInputs? Group, IReadOnlyList<FarmFeed> Feeds);
}

[GenerateSerializer, Alias("cnucnm.RationState")]
public sealed record RationState
{
    [Id(0)] public Guid FarmId { get; init; }
    [Id(1)] public int HeadCount { get; init; }
    [Id(2)] public RationVersion? Current { get; init; }
    [Id(3)] public IReadOnlyList<RationVersion> History { get; init; } = [];
    [Id(4)] public RationSuggestion? Suggestion { get; init; }
    [Id(5)] public FormulationSettings? Settings { get; init; }

    /// <summary>A near-miss warning or infeasibility alert of this group may be open (closed by the next formulation that meets everything).</summary>
    [Id(6)] public bool FormulationAlertOpen { get; init; }

    /// <summary>The group's part of the inputs as the group last brought it (for calls without one: the farm's feed changes).</summary>
    [Id(7)] public RationGroupInputs? Group { get; init; }
}

internal static class RationMetrics
{
    public static readonly System.Diagnostics.Metrics.Counter<long> Changes =
        Telemetry.Meter.CreateCounter<long>("cnucnm.rations.changed", description: "Ration versions made current, by cause");
}
