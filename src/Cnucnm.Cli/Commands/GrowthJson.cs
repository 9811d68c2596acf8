using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Cli.Commands;

/// <summary>The JSON of <c>cnucnm growth</c>: the API's shapes (camelCase, enums by name), with metadata generated at
/// compile time so the CLI also runs compiled ahead of time.</summary>
public static class GrowthJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The enums of the request and trajectory, written by name (a test checks that none is missing).</summary>
    public static IReadOnlyList<Type> EnumTypes { get; } = [typeof(BeefSex), typeof(BeefIntakeEquation), typeof(GrowthStop)];

    public static JsonTypeInfo<GrowthRequest> Request { get; } = (JsonTypeInfo<GrowthRequest>)Options.GetTypeInfo(typeof(GrowthRequest));

    public static JsonTypeInfo<GrowthTrajectory> Trajectory { get; } = (JsonTypeInfo<GrowthTrajectory>)Options.GetTypeInfo(typeof(GrowthTrajectory));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, TypeInfoResolver = GrowthJsonContext.Default };
        options.Converters.Add(new JsonStringEnumConverter<BeefSex>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<BeefIntakeEquation>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<GrowthStop>(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GrowthRequest))]
[JsonSerializable(typeof(GrowthTrajectory))]
internal sealed partial class GrowthJsonContext : JsonSerializerContext;
