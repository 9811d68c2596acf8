using Cnucnm.Contracts;
using Cnucnm.Contracts.Lots;

namespace Cnucnm.Grains.Lots;

[GrainType("feedlot")]
public sealed class FeedLotGrain(
    [PersistentState("feedlot", ProviderNames.GrainState)] IPersistentState<FeedLotState> state,
    TimeProvider clock) : Grain, IFeedLotGrain
{
    /// <summary>Analyses kept with the lot (newest last).</summary>
    private const int AnalysesKept = 100;

    private FeedLot? Lot => state.State.Lot;

    public async Task<FeedLot?> CreateAsync(Guid ownerFarmId, FeedLotDefinition definition, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Lot is not null)
        {
            return null;
        }

        var entered = new FeedValueSource(FeedValueSourceKind.UserEntry, null, createdBy);
        var sources = definition.Composition.Keys.Append("Fd_DM").ToDictionary(k => k, _ => entered, StringComparer.Ordinal);
        state.State = new FeedLotState
        {
            Lot = new FeedLot(this.GetPrimaryKey(), ownerFarmId, definition, definition.DryMatterPercent,
                new Dictionary<string, double>(definition.Composition), sources, [], [], clock.GetUtcNow(), createdBy),
        };
        await state.WriteStateAsync(cancellationToken);
        return Lot;
    }

    public Task<FeedLot?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Lot);

    public async Task AddUseAsync(LotUse use, CancellationToken cancellationToken = default)
    {
        if (Lot is { } lot && !lot.Uses.Contains(use))
        {
            state.State = new FeedLotState { Lot = lot with { Uses = [.. lot.Uses.Append(use)] } };
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task RemoveUseAsync(LotUse use, CancellationToken cancellationToken = default)
    {
        if (Lot is { } lot && lot.Uses.Contains(use))
        {
            state.State = new FeedLotState { Lot = lot with { Uses = [.. lot.Uses.Where(u => u != use)] } };
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<FeedLot?> ApplyAnalysisAsync(LotAnalysis analysis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (Lot is not { } lot)
        {
            return null;
        }

        var source = new FeedValueSource(FeedValueSourceKind.LabAnalysis, analysis.SampledOn ?? DateOnly.FromDateTime(analysis.AppliedAt.UtcDateTime),
            string.Join(", ", new[] { analysis.SampleId, analysis.Laboratory }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } reference ? reference : null);
        var composition = new Dictionary<string, double>(lot.Composition, StringComparer.Ordinal);
        var sources = new Dictionary<string, FeedValueSource>(lot.Sources, StringComparer.Ordinal);
        var dryMatter = lot.DryMatterPercent;
        foreach (var (nutrient, value) in analysis.Values)
        {
            if (nutrient == "Fd_DM")
            {
                dryMatter = value;
            }
            else
            {
                composition[nutrient] = value;
            }

            sources[nutrient] = source;
        }

        var updated = lot with
        {
            DryMatterPercent = dryMatter,
            Composition = composition,
            Sources = sources,
            Analyses = [.. lot.Analyses.Append(analysis).TakeLast(AnalysesKept)],
        };
        state.State = new FeedLotState { Lot = updated };
        await state.WriteStateAsync(cancellationToken);

        return updated;
    }
}

[GenerateSerializer, Alias("cnucnm.FeedLotState")]
public sealed record FeedLotState
{
    [Id(0)] public FeedLot? Lot { get; init; }
}
