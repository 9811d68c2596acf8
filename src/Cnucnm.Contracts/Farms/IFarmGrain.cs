namespace Cnucnm.Contracts.Farms;

/// <summary>A farm: its profile and, in later features, members, groups, feeds and policies.</summary>
[Alias("cnucnm.IFarmGrain")]
public interface IFarmGrain : IGrainWithGuidKey
{
    /// <summary>Creates the farm; a second create of the same id is a conflict.</summary>
    [Alias("Create")]
    Task<FarmResult> CreateAsync(FarmProfile profile, string createdBy, CancellationToken cancellationToken = default);

    /// <summary>The farm, or null when no farm with this id was created.</summary>
    [Alias("Get")]
    Task<FarmSnapshot?> GetAsync(CancellationToken cancellationToken = default);

    [Alias("UpdateProfile")]
    Task<FarmResult> UpdateProfileAsync(FarmProfile profile, string changedBy, CancellationToken cancellationToken = default);
}
