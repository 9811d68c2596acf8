using Cnucnm.Formulation.Animal;
using Cnucnm.Formulation.Explicit;
using Cnucnm.Formulation.Preparation;
using Cnucnm.Nutrition;

namespace Cnucnm.Formulation;

/// <summary>
/// Least-cost ration formulation: the one entry point of the library. Pure and thread-safe: each call
/// builds its own OR-Tools model (the native libraries load once per process, ≈ 30 ms).
/// </summary>
public static class RationFormulator
{
    /// <summary>Formulates; an invalid request gives <see cref="FormulationStatus.Invalid"/> with every problem by field.</summary>
    public static FormulationResponse Formulate(FormulationRequest request)
    {
        var response = FormulateOnce(request);
        if (response.BestPossible is { } best)
        {
            // A near miss: offer only the ways out that, applied, give a confirmed ration.
            response = response with { BestPossible = best with { Suggestions = NearMissSuggestions.Find(request, response, FormulateOnce) } };
        }

        return response;
    }

    private static FormulationResponse FormulateOnce(FormulationRequest request)
    {
        var (prepared, errors) = RequestPreparation.Prepare(request);
        if (prepared is null)
        {
            return FormulationResponse.Invalid(request?.IsAnimalMode == true ? FormulationMode.Animal : FormulationMode.Explicit, errors);
        }

        return prepared.Beef is not null ? Beef.BeefFormulation.Run(prepared)
            : prepared.Mode == FormulationMode.Animal ? AnimalFormulation.Run(prepared)
            : ExplicitFormulation.Run(prepared);
    }

    /// <summary>Every problem of the request, by field path; empty when it is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(FormulationRequest request) => RequestPreparation.Prepare(request).Errors;
}
