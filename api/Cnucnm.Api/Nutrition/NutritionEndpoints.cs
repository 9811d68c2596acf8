using Cnucnm.FieldValidation;
using Cnucnm.Api.Security;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Nutrition;

/// <summary>
/// The NASEM (2021) dairy model and the NRC (2000) beef model (Hanwoo parameters) over HTTP. Stateless and cheap (tens of microseconds): the pure
/// library is called in the request, no grain holds anything. Any signed-in user may call it; it is
/// not scoped to a farm.
/// </summary>
public static class NutritionEndpoints
{
    public static IEndpointRouteBuilder MapNutritionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var nutrition = endpoints.MapGroup("/api/v1/nutrition").WithTags("Nutrition");

        nutrition.MapPost("/evaluate", Evaluate).WithName("EvaluateNutrition").RequireAuthorization(Policies.User)
            .WithSummary("Evaluate an animal on a diet: the NASEM (2021) dairy model, or the NRC (2000) beef model with Hanwoo parameters.")
            .WithDescription("model dairy (default): requirements, supply, balances, allowable milk and gain, minerals, vitamins and amino acids "
                             + "for a calf, heifer, dry or lactating cow, plus every NASEM variable by name. model beef (or a beef object): "
                             + "requirements, supply and energy- and protein-allowable gain of Hanwoo, beef, Holstein and crossbred cattle, with "
                             + "intake from the diet or predicted (NRC 2000; Japanese Feeding Standard for Hanwoo). Feeds from the NASEM or Korean "
                             + "library by id or name, kg DM/d. The response's model field says which. Every invalid field is listed in one 400 response.");
        return endpoints;
    }

    private static Results<Ok<EvaluationResponse>, ValidationProblem> Evaluate(NutritionEvaluationRequest request, TimeProvider clock)
    {
        // A beef environment naming the farm's province without a month is evaluated for the current month in Korea (docs/science.md).
        if (request.Beef is { Environment: { Province: not null, Month: null } environment } beefWithoutMonth)
        {
            request = request with
            {
                Beef = beefWithoutMonth with
                {
                    Environment = environment with { Month = clock.GetUtcNow().ToOffset(Cnucnm.Formulation.Beef.BeefClimateMonth.KoreaOffset).Month },
                },
            };
        }

        switch (request.EffectiveModel)
        {
            case NutritionEvaluationRequest.DairyModel:
            {
                var (input, validation) = request.ToInput();
                return input is null ? TypedResults.ValidationProblem(validation.Errors) : Guarded(() => NutritionEvaluationResponse.From(DairyModel.Evaluate(input)));
            }

            case NutritionEvaluationRequest.BeefModel:
            {
                var (input, validation) = request.ToBeefInput();
                return input is null ? TypedResults.ValidationProblem(validation.Errors) : Guarded(() => BeefEvaluationResponse.From(BeefModel.Evaluate(input),
                    BeefAnimalDescriptions.DescribeEnvironment(request.Beef!.Environment)));
            }

            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = ["must be dairy or beef."] });
        }
    }

    private static Results<Ok<EvaluationResponse>, ValidationProblem> Guarded(Func<EvaluationResponse> evaluate)
    {
        try
        {
            return TypedResults.Ok(evaluate());
        }
        catch (ArgumentException exception)
        {
            // The validation admits only inputs the models define; this is the models' own guard.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [exception.Message] });
        }
    }
}
