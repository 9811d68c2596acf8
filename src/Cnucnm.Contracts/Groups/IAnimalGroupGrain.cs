namespace Cnucnm.Contracts.Groups;

/// <summary>A pen or group of animals fed one ration: inputs, dated records, current requirements
/// and the intake its sensors report. Keyed by group id.</summary>
[Alias("cnucnm.IAnimalGroupGrain")]
public interface IAnimalGroupGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<GroupResult> CreateAsync(Guid farmId, string name, GroupInputs inputs, string createdBy, CancellationToken cancellationToken = default);

    [Alias("Get")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    Task<GroupSnapshot?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the inputs; requirements are recomputed and the ration follows by farm policy.</summary>
    [Alias("UpdateInputs")]
    Task<GroupResult> UpdateInputsAsync(string name, GroupInputs inputs, string changedBy, CancellationToken cancellationToken = default);

    [Alias("AddWeighing")]
    Task<GroupResult> AddWeighingAsync(WeighingRecord weighing, CancellationToken cancellationToken = default);

    [Alias("AddMilkTest")]
    Task<GroupResult> AddMilkTestAsync(MilkTestRecord milkTest, CancellationToken cancellationToken = default);

    /// <summary>Day totals (all readings so far, already durable in PostgreSQL) of days that received new readings.
    /// Totals only grow, so the group keeps, per day, the one with the most readings: calls may arrive in any order.</summary>
    [Alias("RecordIntake")]
    Task RecordIntakeAsync(IReadOnlyList<IntakeDay> totals, CancellationToken cancellationToken = default);

    /// <summary>Daily intake of the last <paramref name="days"/> days (at most two years), oldest first: the days the group keeps,
    /// and older ones from the store.</summary>
    [Alias("GetIntakeHistory")]
    Task<IReadOnlyList<IntakeDay>> GetIntakeHistoryAsync(int days, CancellationToken cancellationToken = default);

    /// <summary>Stores days imported from the farm's records (each with its head count; all older than the sensor readings go
    /// back), all or none, replacing an earlier import of the same day; returns how many days are new or changed.</summary>
    [Alias("ImportIntakeHistory")]
    Task<int> ImportIntakeHistoryAsync(IReadOnlyList<IntakeDay> days, CancellationToken cancellationToken = default);

    /// <summary>What the group's ration needs to evaluate or formulate (the farm's profile, policy and feeds as they are now, and
    /// the group's part), for a caller outside the grains that calls the ration (the API): null when the group does not exist.</summary>
    [Alias("GetRationInputs")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    Task<Rations.RationInputs?> GetRationInputsAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the group from its farm; its history stays in PostgreSQL.</summary>
    [Alias("Delete")]
    Task<GroupOutcome> DeleteAsync(string deletedBy, CancellationToken cancellationToken = default);
}
