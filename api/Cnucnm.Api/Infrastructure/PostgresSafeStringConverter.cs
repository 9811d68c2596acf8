using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnucnm.Api.Infrastructure;

/// <summary>Reads every string of a request body, refusing U+0000: PostgreSQL's text type cannot hold it, so a name
/// with it would otherwise fail at the database (a 500) instead of answering 400 for the field.</summary>
public sealed class PostgresSafeStringConverter : JsonConverter<string>
{
    public const string Problem = "must not contain the NUL character (U+0000).";

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(); // the serializer's own message: wrong type, with the path
        }

        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private static string Checked(string value) =>
        value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(Problem) : value;
}
