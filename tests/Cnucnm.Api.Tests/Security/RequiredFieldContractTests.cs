using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cnucnm.Api.Tests.Security;

/// <summary>
/// "Required means required" (issue #20): every operation of the committed <c>api/openapi/v1.json</c> that takes a
/// JSON body gets a body built from its schema, once without each field the document marks required (at every
/// depth), and must answer 400 with <c>errors</c> naming that field, in English and in Korean.
/// </summary>
public sealed class RequiredFieldContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_body_missing_a_required_field_is_refused_naming_it()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ApiConventionTests.RepositoryRoot(), "api", "openapi", "v1.json"), Ct))!;
        var admin = await api.Factory.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/farms", new { name = "Contract farm", location = new { region = "Chungnam", countryCode = "KR" }, currency = "KRW" }, Ct);
        var farmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        var key = await admin.PostAsJsonAsync($"/api/v1/farms/{farmId}/device-keys", new { name = "contract scale" }, Ct);
        using var device = api.Factory.CreateClient();
        device.DefaultRequestHeaders.Add("X-Api-Key", JsonDocument.Parse(await key.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("key").GetString());

        var failures = new List<string>();
        var operations = 0;
        var cases = 0;
        foreach (var (method, template, schema) in Operations(document))
        {
            operations++;
            var path = template.Replace("{farmId}", farmId.ToString(), StringComparison.Ordinal);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", _ => Guid.NewGuid().ToString());
            var body = Example(schema, document, depth: 0);
            foreach (var (field, without) in WithoutEachRequired(body, schema, document, ""))
            {
                cases++;
                var korean = cases % 2 == 0;
                var (status, errors) = await SendAsync(admin, method, path, without, korean);
                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    (status, errors) = await SendAsync(device, method, path, without, korean); // sensor ingestion takes only a device key
                }

                var expected = korean ? "필수" : "required";
                if (status != HttpStatusCode.BadRequest || errors?[field] is not JsonArray messages
                    || !messages.Any(m => m!.GetValue<string>().Contains(expected, StringComparison.Ordinal)))
                {
                    failures.Add($"{method} {template} without {field}: {(int)status} {errors?.ToJsonString()}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"required-field contract: {operations} operations with a JSON body, {cases} required fields dropped, {failures.Count} not refused by name");
        Assert.True(operations >= 40, $"only {operations} operations with a JSON body");
        Assert.True(cases >= 15, $"only {cases} required fields in the document");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_required_field_sent_as_null_is_refused_naming_it()
    {
        using var anonymous = api.Factory.CreateClient();
        var body = JsonNode.Parse("""{"email":null,"displayName":"Kim","password":"correct-horse-1"}""")!;

        var (status, errors) = await SendAsync(anonymous, "POST", "/api/v1/auth/register", body, korean: false);
        var (_, korean) = await SendAsync(anonymous, "POST", "/api/v1/auth/register", body, korean: true);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("is required and may not be null.", errors?["email"]?[0]?.GetValue<string>());
        Assert.Equal("필수 항목이며 null일 수 없습니다.", korean?["email"]?[0]?.GetValue<string>());
    }

    private static async Task<(HttpStatusCode Status, JsonObject? Errors)> SendAsync(HttpClient client, string method, string path, JsonNode body, bool korean)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd(korean ? "ko-KR" : "en-US");
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)?["errors"] as JsonObject : null);
    }

    private static IEnumerable<(string Method, string Path, JsonNode Schema)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    yield return (method.ToUpperInvariant(), path, schema);
                }
            }
        }
    }

    /// <summary>The schema itself, or the first non-null variant of a reference or a oneOf/anyOf.</summary>
    private static JsonNode Resolve(JsonNode schema, JsonNode document)
    {
        while (true)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
            }
            else if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray variants)
            {
                schema = variants.First(v => v!["type"]?.ToString() != "null")!;
            }
            else
            {
                return schema;
            }
        }
    }

    private static string Type(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).First(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => schema["properties"] is not null ? "object" : "string",
    };

    /// <summary>A value of the schema's shape: its example when it has one, otherwise every property with a plain value.</summary>
    private static JsonNode Example(JsonNode schema, JsonNode document, int depth)
    {
        var resolved = Resolve(schema, document);
        if (resolved["example"] is { } example)
        {
            return example.DeepClone();
        }

        if (resolved["enum"] is JsonArray values)
        {
            return values.First(v => v is not null)!.DeepClone();
        }

        return Type(resolved) switch
        {
            "object" when resolved["properties"] is JsonObject properties && depth < 6 =>
                new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Example(p.Value!, document, depth + 1)))),
            "object" => new JsonObject(),
            "array" when resolved["items"] is { } items && depth < 6 => new JsonArray(Example(items, document, depth + 1)),
            "array" => new JsonArray(),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.0),
            "boolean" => JsonValue.Create(true),
            _ => resolved["format"]?.GetValue<string>() switch
            {
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "date-time" => JsonValue.Create("2026-06-01T06:00:00+09:00"),
                "date" => JsonValue.Create("2026-06-01"),
                "time" => JsonValue.Create("06:00:00"),
                _ => JsonValue.Create("x"),
            },
        };
    }

    /// <summary>The body once without each required field, found in the body's objects and in the first item of its arrays.</summary>
    private static IEnumerable<(string Field, JsonNode Body)> WithoutEachRequired(JsonNode body, JsonNode schema, JsonNode document, string prefix)
    {
        var resolved = Resolve(schema, document);
        if (body is JsonArray { Count: > 0 } array && resolved["items"] is { } items)
        {
            foreach (var (field, item) in WithoutEachRequired(array[0]!, items, document, $"{prefix}[0]"))
            {
                var copy = array.DeepClone().AsArray();
                copy[0] = item;
                yield return (field, copy);
            }
        }

        if (body is not JsonObject json || resolved["properties"] is not JsonObject properties)
        {
            yield break;
        }

        var required = resolved["required"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (name, propertySchema) in properties)
        {
            var field = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (required.Contains(name))
            {
                var without = json.DeepClone().AsObject();
                without.Remove(name);
                yield return (field, without);
            }

            if (json[name] is { } value)
            {
                foreach (var (nested, inner) in WithoutEachRequired(value, propertySchema!, document, field))
                {
                    var copy = json.DeepClone().AsObject();
                    copy[name] = inner;
                    yield return (nested, copy);
                }
            }
        }
    }
}
