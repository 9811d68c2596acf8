using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnucnm.Formulation;

/// <summary>Compile-time JSON metadata of requests and responses: no reflection at start, and the CLI can be
/// compiled ahead of time. <see cref="FormulationJson"/> adds the enum converters and the strict reading rules.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FormulationRequest))]
[JsonSerializable(typeof(FormulationResponse))]
internal sealed partial class FormulationJsonContext : JsonSerializerContext;
