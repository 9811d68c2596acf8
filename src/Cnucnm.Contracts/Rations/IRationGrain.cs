using Cnucnm.Contracts.Farms;

namespace Cnucnm.Contracts.Rations;

/// <summary>The ration of one group (keyed by the group id): current version, versioned history with
/// causes, the standing formulation settings and any suggestion waiting for approval.</summary>
[Alias("cnucnm.IRationGrain")]
public interface IRationGrain : IGrainWithGuidKey
{
    /// <summary>The whole ration: current version, suggestion, settings and up to 200 versions of history.</summary>
    [Alias("Get")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    Task<RationSnapshot> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The current version only (null before the first ration): what hot paths read (a group's live intake figures, the
    /// ingest catalog) instead of the whole snapshot.</summary>
    [Alias("GetCurrent")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    [AlwaysInterleave] // not a call-back (this grain calls no grain that calls it): a read of one field that a busy pen's live
                       // figures (up to 10 a second) must not queue behind a re-formulation's round trip to the formulation pool
    Task<RationVersion?> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>Attaches the ration to its group and farm (called when the group is created).</summary>
    [Alias("Attach")]
    Task AttachAsync(Guid farmId, int headCount, CancellationToken cancellationToken = default);

    [Alias("SetSettings")]
    Task<RationSnapshot> SetSettingsAsync(FormulationSettings settings, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Makes the given feeds and amounts the group's ration (evaluated with the full model); <paramref name="inForceSince"/>,
    /// when the farm has been feeding it since an earlier time (not in the future).</summary>
    [Alias("SetRation")]
    Task<RationVersion> SetRationAsync(RationInputs inputs, IReadOnlyList<RationItem> items, RationChangeCause cause, DateTimeOffset? inForceSince,
        CancellationToken cancellationToken = default);

    /// <summary>Re-formulates from the settings; the farm's policy decides whether it takes effect.</summary>
    [Alias("Reformulate")]
    Task<ReformulationResult> ReformulateAsync(RationInputs inputs, RationChangeCause cause, double? observedDryMatterIntakeKgPerHead = null,
        CancellationToken cancellationToken = default);

    /// <summary>A dry run of <see cref="ReformulateAsync"/> with the given settings (a what-if): the same answer (the outcome the farm's
    /// policy would give, the ration found or the best-possible one, the formulation's full answer) with nothing stored: the group's
    /// ration, suggestion, settings and alerts stay as they are. <paramref name="inputs"/> may carry prices that are not stored either.</summary>
    [Alias("PreviewFormulation")]
    Task<ReformulationResult> PreviewFormulationAsync(RationInputs inputs, FormulationSettings settings, string actor, CancellationToken cancellationToken = default);

    [Alias("ApproveSuggestion")]
    Task<RationVersion?> ApproveSuggestionAsync(RationInputs inputs, Guid suggestionId, string approvedBy, CancellationToken cancellationToken = default);

    [Alias("RejectSuggestion")]
    Task<bool> RejectSuggestionAsync(Guid suggestionId, string rejectedBy, CancellationToken cancellationToken = default);

    /// <summary>Re-evaluates the current ration (new requirements, head count or feed composition).</summary>
    [Alias("Refresh")]
    Task RefreshAsync(RationInputs inputs, CancellationToken cancellationToken = default);

    /// <summary>Keeps the group's part of the inputs (the group brings it when its intake history moved the adapted intake, and
    /// on activation) for calls that come without one. Nothing is re-evaluated.</summary>
    [Alias("UpdateGroup")]
    Task UpdateGroupAsync(RationGroupInputs group, CancellationToken cancellationToken = default);

    /// <summary>The farm's part of a feed's change of price or composition, in one call: the current ration re-evaluated when it
    /// uses the feed, then re-formulated with <paramref name="cause"/> (when given) when the feed is in the ration or among its
    /// candidates. <paramref name="inputs"/> carries the farm's part; the group's is the one the ration keeps.</summary>
    [Alias("FeedChanged")]
    Task<GroupRationUpdate> FeedChangedAsync(RationInputs inputs, string feedId, RationChangeCause? cause, CancellationToken cancellationToken = default);

    /// <summary>The current ration evaluated by the full model as the farm's feeds are now (before) and with one feed's
    /// definition replaced (after): same kg DM per head, so as-fed amounts, cost and balances show what the feed change does.
    /// Nothing is stored. Null when the group has no ration or it does not use the feed.</summary>
    [Alias("PreviewFeedChange")]
    Task<RationFeedChange?> PreviewFeedChangeAsync(RationInputs inputs, FarmFeedDefinition changed, CancellationToken cancellationToken = default);

    /// <summary>The load sheet of the current ration for the pen; with a scale resolution, each amount is rounded to what the
    /// mixer's scale can show and the sheet says what the rounding does to the nutrient balances (full model).</summary>
    [Alias("GetMixerSheet")]
    Task<MixerSheet?> GetMixerSheetAsync(RationInputs inputs, int? headCount, double? mixerCapacityKgAsFed, double? scaleResolutionKg = null, CancellationToken cancellationToken = default);
}
