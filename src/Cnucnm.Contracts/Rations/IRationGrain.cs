using Cnucnm.Contracts.Farms;

namespace Cnucnm.Contracts.Rations;

/// <summary>The ration of one group (keyed by the group id): current version, versioned history with
/// causes, the standing formulation settings and any suggestion waiting for approval.</summary>
[Alias("cnucnm.IRationGrain")]
public interface IRationGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    [AlwaysInterleave] // a read; may run while this grain awaits a call that reads it back
    Task<RationSnapshot> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Attaches the ration to its group and farm (called when the group is created).</summary>
    [Alias("Attach")]
    Task AttachAsync(Guid farmId, int headCount, CancellationToken cancellationToken = default);

    [Alias("SetSettings")]
    Task<RationSnapshot> SetSettingsAsync(FormulationSettings settings, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Makes the given feeds and amounts the group's ration (evaluated with the full model).</summary>
    [Alias("SetRation")]
    Task<RationVersion> SetRationAsync(IReadOnlyList<RationItem> items, RationChangeCause cause, CancellationToken cancellationToken = default);

    /// <summary>Re-formulates from the settings; the farm's policy decides whether it takes effect.</summary>
    [Alias("Reformulate")]
    Task<ReformulationResult> ReformulateAsync(RationChangeCause cause, double? observedDryMatterIntakeKgPerHead = null, CancellationToken cancellationToken = default);

    [Alias("ApproveSuggestion")]
    Task<RationVersion?> ApproveSuggestionAsync(Guid suggestionId, string approvedBy, CancellationToken cancellationToken = default);

    [Alias("RejectSuggestion")]
    Task<bool> RejectSuggestionAsync(Guid suggestionId, string rejectedBy, CancellationToken cancellationToken = default);

    /// <summary>Re-evaluates the current ration (new requirements, head count or feed composition).</summary>
    [Alias("Refresh")]
    Task RefreshAsync(int headCount, CancellationToken cancellationToken = default);

    /// <summary>The current ration evaluated by the full model as the farm's feeds are now (before) and with one feed's
    /// definition replaced (after): same kg DM per head, so as-fed amounts, cost and balances show what the feed change does.
    /// Nothing is stored. Null when the group has no ration or it does not use the feed.</summary>
    [Alias("PreviewFeedChange")]
    [AlwaysInterleave] // a read; may run while this grain awaits a call that reads it back
    Task<RationFeedChange?> PreviewFeedChangeAsync(FarmFeedDefinition changed, CancellationToken cancellationToken = default);

    /// <summary>The load sheet of the current ration for the pen; with a scale resolution, each amount is rounded to what the
    /// mixer's scale can show and the sheet says what the rounding does to the nutrient balances (full model).</summary>
    [Alias("GetMixerSheet")]
    [AlwaysInterleave] // a read; may run while this grain awaits a call that reads it back
    Task<MixerSheet?> GetMixerSheetAsync(int? headCount, double? mixerCapacityKgAsFed, double? scaleResolutionKg = null, CancellationToken cancellationToken = default);
}
