using Cnucnm.Formulation.Animal;
using Cnucnm.Formulation.Explicit;
using Cnucnm.Formulation.Preparation;
using Cnucnm.FieldValidation;

namespace Cnucnm.Formulation;

/// <summary>
/// Least-cost ration formulation: the one entry point of the library. Pure and thread-safe: each call
/// builds its own OR-Tools model (the native libraries load once per process, ≈ 30 ms).
/// </summary>
public static class RationFormulator
{
    /// <summary>Formulates; an invalid request gives <see cref="FormulationStatus.Invalid"/> with every problem by field.</summary>
    public static FormulationResponse Formulate(FormulationRequest request) => Formulate(request, leastCost: true);

    /// <summary>
    /// <paramref name="leastCost"/> false stops dairy animal mode at the first ration the full model confirms, as the loop did
    /// before issue 24's least-cost rounds: only the benchmarks' same-run baseline uses it.
    /// </summary>
    internal static FormulationResponse Formulate(FormulationRequest request, bool leastCost)
    {
        var response = FormulateOnce(request, leastCost);
        if (response.BestPossible is { } best)
        {
            // A near miss: offer only the ways out that, applied, give a confirmed ration.
            response = response with
            {
                BestPossible = best with { Suggestions = NearMissSuggestions.Find(request, response, r => FormulateOnce(r, leastCost)) },
            };
        }

        return response;
    }

    private static FormulationResponse FormulateOnce(FormulationRequest request, bool leastCost)
    {
        var (prepared, errors) = RequestPreparation.Prepare(request);
        if (prepared is null)
        {
            return FormulationResponse.Invalid(request?.IsAnimalMode == true ? FormulationMode.Animal : FormulationMode.Explicit, errors);
        }

        return prepared.Beef is not null ? Beef.BeefFormulation.Run(prepared)
            : prepared.Mode == FormulationMode.Animal ? AnimalFormulation.Run(prepared, leastCost)
            : ExplicitFormulation.Run(prepared);
    }

    /// <summary>Every problem of the request, by field path; empty when it is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(FormulationRequest request) => RequestPreparation.Prepare(request).Errors;
}
