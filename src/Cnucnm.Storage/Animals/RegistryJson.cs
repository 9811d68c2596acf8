using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnucnm.Storage.Animals;

/// <summary>How records and overrides are kept in jsonb: camelCase names, enums as names. jsonb orders keys its own way,
/// so the record kind may come back after other properties.</summary>
public static class RegistryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
