using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cnucnm.Api.Infrastructure;

/// <summary>
/// Makes the generated document say what every operation really does on its edges: anonymous operations need no
/// credentials (<c>security: []</c>), and each operation lists the problem answers the pipeline gives it: 401 and 403
/// where it needs a caller, 404 where the path names something, 413 where it takes a body, 429 from the rate limiter.
/// Applies to endpoints added later without edits; <c>ApiContractTests</c> hold every operation to it.
/// </summary>
public static class OpenApiContract
{
    private const string ProblemMediaType = "application/problem+json";

    public static Task DescribeEdgesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        if (anonymous)
        {
            operation.Security = [];
        }

        operation.Responses ??= [];
        if (!anonymous)
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, "No valid access token or device key (or the session has ended).");
            Add(operation, context, StatusCodes.Status403Forbidden, "The caller may not do this.");
        }

        if (context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            Add(operation, context, StatusCodes.Status404NotFound, "Nothing with this id (or not visible to the caller).");
        }

        if (operation.RequestBody is not null)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "The body is malformed or a field is invalid or missing (errors name the fields).");
            Add(operation, context, StatusCodes.Status413PayloadTooLarge, "The body is larger than the configured limit.");
        }

        Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests; retry after the Retry-After header's seconds.");
        return Task.CompletedTask;
    }

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Authentication"] = "Sign-in, tokens, password reset and the signed-in person.",
        ["Administration"] = "Accounts, for the global admin role.",
        ["Farms"] = "Farms and their settings.",
        ["Farm members"] = "Who may see and change a farm, and in which role.",
        ["Device keys"] = "Keys of a farm's sensors.",
        ["Audit"] = "Who changed what on a farm.",
        ["Nutrition"] = "Requirements and evaluation of a ration (NASEM 2021 dairy, beef and Hanwoo growth).",
        ["Formulation"] = "Least-cost rations.",
        ["Growth"] = "Growth curves and projections.",
        ["Farm feeds"] = "A farm's feeds, prices and inventory.",
        ["Feed library"] = "The shared feed composition library.",
        ["Feed search"] = "Searching feeds by name and composition.",
        ["Feed lots"] = "Delivered lots of a feed and their lab analyses.",
        ["Animal groups"] = "Pens and groups of animals with their inputs.",
        ["Animals"] = "The animal registry: animals, records, imports and exports.",
        ["Rations"] = "A group's current ration, suggestions and mixer plans.",
        ["Reports"] = "Printable ration reports.",
        ["Intake"] = "Feed delivered and refused, from sensors and by hand.",
        ["Alerts"] = "A farm's alerts.",
        ["Events"] = "Live server-sent events of a farm.",
        ["Analytics"] = "Intake and farm key figures over time.",
        ["Webhooks"] = "Webhook subscriptions and deliveries.",
        ["Notifications"] = "E-mail notification settings.",
    };

    /// <summary>Describes the tags the document uses (a tag added later without a description here is only a lint warning).</summary>
    public static Task DescribeTagsAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description ??= description;
            }
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }
}
