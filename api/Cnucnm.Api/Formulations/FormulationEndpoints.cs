using Cnucnm.Api.Security;
using Cnucnm.Contracts.Formulation;
using Cnucnm.Formulation;
using Microsoft.AspNetCore.Http.HttpResults;
using Cnucnm.Contracts;

namespace Cnucnm.Api.Formulations;

/// <summary>Least-cost formulation over HTTP, through the formulation grain pool. Not scoped to a farm: any signed-in user.</summary>
public static class FormulationEndpoints
{
    public static IEndpointRouteBuilder MapFormulationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/formulations", FormulateAsync).WithTags("Formulation").WithName("Formulate").RequireAuthorization(Policies.User)
            .WithSummary("Formulate the least-cost ration: explicit nutrient specification, or an animal with the NASEM (2021) model.")
            .WithDescription("Decision variables are kg DM per head per day. Give each feed's price per tonne as fed (pricePerTonneAsFed) or per kg DM "
                             + "(pricePerKgDm). With `animal` the bounds come from the NASEM (2021) dairy model (predicted intake ± tolerance, "
                             + "requirements, guard rails) and the answer is checked by the full model. 200: the ration with shadow prices and reduced costs; "
                             + "400: every invalid field; 422: no ration exists, `explanation` says which constraints conflict and the cheapest way out.")
            .Produces<FormulationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<Results<Ok<FormulationResponse>, ValidationProblem, ProblemHttpResult>> FormulateAsync(
        FormulationRequest request, IGrainFactory grains, TimeProvider clock, Localization.MessageLocalizer text, CancellationToken cancellationToken)
    {
        // A beef request naming the farm's province without a month is formulated for the current month (docs/science.md).
        request = Cnucnm.Formulation.Beef.BeefClimateMonth.WithMonthFrom(request, clock.GetUtcNow());
        var response = text.Localize(await grains.FormulationPool().FormulateAsync(request, cancellationToken));
        return response.Status switch
        {
            FormulationStatus.Optimal => TypedResults.Ok(response),
            FormulationStatus.Infeasible => TypedResults.Problem(response.Explanation?.Summary, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "No ration meets every constraint.",
                extensions: new Dictionary<string, object?>
                {
                    ["status"] = "Infeasible", ["explanation"] = response.Explanation, ["animal"] = response.Animal, ["bestPossible"] = response.BestPossible,
                    ["explanationCode"] = response.Explanation?.SummaryMessage,
                }),
            _ => TypedResults.ValidationProblem((response.Errors ?? []).GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal)),
        };
    }
}
