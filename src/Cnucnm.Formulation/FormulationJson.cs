using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation;

/// <summary>The JSON form of requests and responses (camelCase, enums as names), as the CLI reads and writes it.
/// The API's own options (camelCase, string enums) read and write the same shapes. Metadata is generated at compile
/// time (<see cref="FormulationJsonContext"/>), so the CLI also runs compiled ahead of time.</summary>
public static class FormulationJson
{
    /// <summary>Compact, one document per line (JSONL), nulls left out.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>The enums of the request and response, written by name (a test checks that none is missing).</summary>
    public static IReadOnlyList<Type> EnumTypes { get; } =
        [typeof(FormulationStatus), typeof(FormulationMode), typeof(FeedType), typeof(DairyBreed), typeof(PhysiologicalState),
         typeof(BeefSex), typeof(BeefIntakeEquation), typeof(BeefGrowthPhase), typeof(BeefRequirementModel)];

    private static readonly JsonTypeInfo<FormulationRequest> Request = (JsonTypeInfo<FormulationRequest>)Options.GetTypeInfo(typeof(FormulationRequest));
    private static readonly JsonTypeInfo<FormulationResponse> Response = (JsonTypeInfo<FormulationResponse>)Options.GetTypeInfo(typeof(FormulationResponse));
    private static readonly JsonTypeInfo<FormulationResponse> IndentedResponse = (JsonTypeInfo<FormulationResponse>)Indented.GetTypeInfo(typeof(FormulationResponse));

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = FormulationJsonContext.Default,
        };
        options.Converters.Add(Names<FormulationStatus>());
        options.Converters.Add(Names<FormulationMode>());
        options.Converters.Add(Names<FeedType>());
        options.Converters.Add(Names<DairyBreed>());
        options.Converters.Add(Names<PhysiologicalState>());
        options.Converters.Add(Names<BeefSex>());
        options.Converters.Add(Names<BeefIntakeEquation>());
        options.Converters.Add(Names<BeefGrowthPhase>());
        options.Converters.Add(Names<BeefRequirementModel>());
        options.MakeReadOnly();
        return options;
    }

    private static JsonStringEnumConverter<T> Names<T>()
        where T : struct, Enum => new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    /// <summary>Reads a request; a <see cref="JsonException"/> names the line and the path of a malformed document.</summary>
    public static FormulationRequest? ReadRequest(string json) => JsonSerializer.Deserialize(json, Request);

    public static string Write(FormulationResponse response, bool indented = false) =>
        JsonSerializer.Serialize(response, indented ? IndentedResponse : Response);

    public static string Write(FormulationRequest request) => JsonSerializer.Serialize(request, Request);
}
