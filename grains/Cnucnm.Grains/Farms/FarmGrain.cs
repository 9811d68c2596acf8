using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;

namespace Cnucnm.Grains.Farms;

[GrainType("farm")]
public sealed class FarmGrain(
    [PersistentState("farm", ProviderNames.GrainState)] IPersistentState<FarmState> state,
    TimeProvider clock) : Grain, IFarmGrain
{
    public async Task<FarmResult> CreateAsync(FarmProfile profile, string createdBy, CancellationToken cancellationToken = default)
    {
        if (state.RecordExists && state.State.Profile is not null)
        {
            return new FarmResult(FarmOutcome.AlreadyExists, Snapshot());
        }

        state.State = new FarmState
        {
            Profile = profile,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
            Version = 1,
        };
        await state.WriteStateAsync(cancellationToken);
        return new FarmResult(FarmOutcome.Created, Snapshot());
    }

    public Task<FarmSnapshot?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Profile is null ? null : Snapshot());

    public async Task<FarmResult> UpdateProfileAsync(FarmProfile profile, string changedBy, CancellationToken cancellationToken = default)
    {
        if (state.State.Profile is null)
        {
            return new FarmResult(FarmOutcome.NotFound, null);
        }

        state.State = state.State with { Profile = profile, Version = state.State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
        return new FarmResult(FarmOutcome.Ok, Snapshot());
    }

    private FarmSnapshot Snapshot() => new(
        this.GetPrimaryKey(), state.State.Profile!, state.State.CreatedAt, state.State.CreatedBy, state.State.Version);
}

[GenerateSerializer, Alias("cnucnm.FarmState")]
public sealed record FarmState
{
    [Id(0)] public FarmProfile? Profile { get; init; }
    [Id(1)] public DateTimeOffset CreatedAt { get; init; }
    [Id(2)] public string CreatedBy { get; init; } = "";
    [Id(3)] public long Version { get; init; }
}
