using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnucnm.Formulation;

/// <summary>The JSON form of requests and responses (camelCase, enums as names), as the CLI reads and writes it.
/// The API's own options (camelCase, string enums) read and write the same shapes.</summary>
public static class FormulationJson
{
    /// <summary>Compact, one document per line (JSONL), nulls left out.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a request; a <see cref="JsonException"/> names the line and the path of a malformed document.</summary>
    public static FormulationRequest? ReadRequest(string json) => JsonSerializer.Deserialize<FormulationRequest>(json, Options);

    public static string Write(FormulationResponse response, bool indented = false) =>
        JsonSerializer.Serialize(response, indented ? Indented : Options);

    public static string Write(FormulationRequest request) => JsonSerializer.Serialize(request, Options);
}
