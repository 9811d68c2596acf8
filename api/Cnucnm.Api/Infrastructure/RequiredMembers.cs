using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Cnucnm.Api.Infrastructure;

/// <summary>
/// "Required means required" (issue #20): one rule for every request body and for the OpenAPI document. A member
/// bound to a constructor parameter that is not nullable (<c>string</c>, <c>double</c>, <c>IReadOnlyList&lt;T&gt;</c>)
/// and has no default value is required: missing or null, the body is refused with 400 naming the member. A nullable
/// parameter (<c>string?</c>, <c>double?</c>) or one with a default value is optional, and the handler validates it.
/// The document marks exactly the required members <c>required</c> (<see cref="DescribeRequiredAsync"/>), so what it
/// says and what the API does cannot drift apart.
/// </summary>
public static partial class RequiredMembers
{
    /// <summary>Applies the rule to the API's serializer options.</summary>
    public static void Apply(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);

    private static void Modify(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var canBeNull = new List<JsonPropertyInfo>();
        foreach (var property in typeInfo.Properties)
        {
            // Only members that can be set (a positional record's init accessor): an anonymous type's members have no
            // setter and System.Text.Json refuses to require them, even when the type is only written.
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } parameter && property.Set is not null)
            {
                // Missing: System.Text.Json refuses the body and names the member.
                property.IsRequired = true;
                if (!parameter.ParameterType.IsValueType)
                {
                    canBeNull.Add(property);
                }
            }
        }

        if (canBeNull.Count == 0)
        {
            return;
        }

        // Present but null: refused here, after the object is read. (JsonSerializerOptions.RespectNullableAnnotations
        // would do it too, but it also makes every response with a null in a non-nullable property fail to serialize.)
        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            var nulls = canBeNull.Where(p => p.Get!(value) is null).Select(p => $"'{p.Name}'").ToList();
            if (nulls.Count > 0)
            {
                throw new JsonException($"{NullMarker} {string.Join(", ", nulls)}.");
            }

            previous?.Invoke(value);
        };
    }

    private const string NullMarker = "null for required properties:";

    /// <summary>The JSON names of the required members of a type, as <see cref="Apply"/> enforces them.</summary>
    public static IEnumerable<string> Names(JsonTypeInfo typeInfo) =>
        typeInfo.Kind == JsonTypeInfoKind.Object ? typeInfo.Properties.Where(p => p.IsRequired).Select(p => p.Name) : [];

    /// <summary>Schema transformer: <c>required</c> lists exactly the members the API refuses to go without.</summary>
    public static Task DescribeRequiredAsync(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            var required = Names(context.JsonTypeInfo).Where(schema.Properties.ContainsKey).ToHashSet(StringComparer.Ordinal);
            schema.Required = required.Count > 0 ? required : null;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The fields a refused body names: the required members it lacked, or the member whose value could not be read
    /// (wrong type, null where a value is required, a key twice), each with its message in English or Korean.
    /// </summary>
    public static Dictionary<string, string[]> FieldErrors(JsonException exception, bool korean)
    {
        var path = exception.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "";
        string Field(string name) => path.Length > 0 ? $"{path}.{name}" : name;
        // System.Text.Json names missing members in its message and reports the path of their object; nulls likewise
        // from Modify.
        if (Names(exception.Message, "missing required properties including:") is { Count: > 0 } missing)
        {
            return missing.ToDictionary(Field, _ => new[] { korean ? "필수 항목입니다." : "is required." }, StringComparer.Ordinal);
        }

        if (Names(exception.Message, NullMarker) is { Count: > 0 } nulls)
        {
            return nulls.ToDictionary(Field, _ => new[] { korean ? "필수 항목이며 null일 수 없습니다." : "is required and may not be null." }, StringComparer.Ordinal);
        }

        var field = path.Length > 0 ? path : "body";
        string message = exception.LineNumber is { } line
            ? korean
                ? $"값의 형식이나 형태가 맞지 않습니다 (줄 {line + 1}, 위치 {exception.BytePositionInLine + 1})."
                : $"has a value of the wrong type or format (line {line + 1}, position {exception.BytePositionInLine + 1})."
            : korean ? "값의 형식이나 형태가 맞지 않습니다." : "has a value of the wrong type or format.";
        return new(StringComparer.Ordinal) { [field] = [message] };
    }

    private static List<string> Names(string message, string marker)
    {
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? [] : [.. QuotedName().Matches(message[at..]).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();
}
