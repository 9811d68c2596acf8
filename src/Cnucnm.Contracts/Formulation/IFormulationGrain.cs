using Cnucnm.Formulation;

namespace Cnucnm.Contracts.Formulation;

/// <summary>
/// The formulation pool: a stateless worker (one activation per core at most on each silo) that runs the
/// pure least-cost library. Request and response are the library's records (they cross the wire as JSON).
/// </summary>
[Alias("cnucnm.IFormulationGrain")]
public interface IFormulationGrain : IGrainWithIntegerKey
{
    [Alias("Formulate")]
    Task<FormulationResponse> FormulateAsync(FormulationRequest request, CancellationToken cancellationToken = default);
}
