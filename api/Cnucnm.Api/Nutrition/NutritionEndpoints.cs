using Cnucnm.Nutrition;
using Cnucnm.Api.Security;
using Cnucnm.Nutrition.Dairy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Nutrition;

/// <summary>
/// The NASEM (2021) dairy model over HTTP. Stateless and cheap (tens of microseconds): the pure
/// library is called in the request, no grain holds anything. Any signed-in user may call it; it is
/// not scoped to a farm.
/// </summary>
public static class NutritionEndpoints
{
    public static IEndpointRouteBuilder MapNutritionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var nutrition = endpoints.MapGroup("/api/v1/nutrition").WithTags("Nutrition");

        nutrition.MapPost("/evaluate", Evaluate).WithName("EvaluateNutrition").RequireAuthorization(Policies.User)
            .WithSummary("Evaluate an animal on a diet with the NASEM (2021) dairy model.")
            .WithDescription("Requirements, supply, balances, allowable milk and gain, minerals, vitamins and amino acids for a calf, heifer, "
                             + "dry or lactating cow fed library feeds (NASEM or Korean; by id or name, kg DM/d), plus every NASEM variable by name. "
                             + "Every invalid field is listed in one 400 response.");
        return endpoints;
    }

    private static Results<Ok<NutritionEvaluationResponse>, ValidationProblem> Evaluate(NutritionEvaluationRequest request)
    {
        var (input, validation) = request.ToInput();
        if (input is null)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        DairyResult result;
        try
        {
            result = DairyModel.Evaluate(input);
        }
        catch (ArgumentException exception)
        {
            // The validation above admits only inputs the model defines; this is the model's own guard.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [exception.Message] });
        }

        return TypedResults.Ok(NutritionEvaluationResponse.From(result));
    }
}
