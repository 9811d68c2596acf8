using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Cnucnm.Api.Tests.Security;

/// <summary>
/// Property-based fuzzing of every request body in the OpenAPI document: malformed JSON, wrong
/// types, huge numbers, NaN, empty and huge arrays, unicode and control characters. Never a 5xx, and
/// a refused request changes nothing.
/// </summary>
public sealed class RequestFuzzTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Strings =
        ["", " ", "한우 비육우", "🐄🌾", "a\u0000b", new string('x', 10_000), "../../etc/passwd", "'; DROP TABLE app_users; --", "<script>alert(1)</script>", "NaN", "-1", "2026-02-30"];

    private static readonly string[] Numbers =
        ["0", "-1", "-0", "1e308", "-1e308", "1e400", "2147483648", "9223372036854775808", "0.000000000000000000001", "3.5", "100", "101", "NaN", "Infinity"];

    private static readonly string[] Garbage =
        ["", "{", "[", "}", "null", "true", "\"text\"", "[]", "{\"a\":}", "{'a': 1}", "NaN", "\u00ff\u00fe", "{\"a\":1,\"a\":2}"];

    [Fact]
    public async Task Every_request_body_survives_fuzzing_without_5xx_or_partial_writes()
    {
        var (owner, _) = await api.Factory.CreateUserClientAsync("fuzz-owner");
        var created = await owner.PostAsJsonAsync("/api/v1/farms", new { name = "Fuzz farm", location = new { region = "Chungnam", countryCode = "KR" }, currency = "KRW" }, Ct);
        var farmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        var document = JsonNode.Parse(await owner.GetStringAsync("/openapi/v1.json", Ct))!;

        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 8, $"only {operations.Count} operations with a JSON body found");
        var failures = new List<string>();
        var calls = 0;
        var serverErrors = 0;
        var before = await FingerprintAsync(owner, farmId);

        foreach (var (method, template, schema) in operations)
        {
            var path = template.Replace("{farmId}", farmId.ToString(), StringComparison.Ordinal);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", _ => Guid.NewGuid().ToString());
            var gen = Body(schema, document, depth: 0);
            await gen.SampleAsync(async body =>
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                using var response = await owner.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
                calls++;
                if ((int)response.StatusCode >= 500)
                {
                    serverErrors++;
                    failures.Add($"{method} {template} answered {(int)response.StatusCode} to {Shorten(body)}");
                }
                else if ((int)response.StatusCode >= 400)
                {
                    var after = await FingerprintAsync(owner, farmId);
                    if (after != before)
                    {
                        failures.Add($"{method} {template} answered {(int)response.StatusCode} but changed state for {Shorten(body)}");
                        before = after;
                    }
                }
                else
                {
                    before = await FingerprintAsync(owner, farmId);
                }
            }, iter: 40, threads: 1);
        }

        // The figures docs/security.md quotes.
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"malformed-body probe: {calls} calls to {operations.Count} operations, {failures.Count} violations, {serverErrors} answers 5xx");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;

    /// <summary>What a refused request must not change: the owner's farms, members and device keys.</summary>
    private static async Task<string> FingerprintAsync(HttpClient owner, Guid farmId)
    {
        var farms = await owner.GetStringAsync("/api/v1/farms", Ct);
        var farm = await owner.GetStringAsync($"/api/v1/farms/{farmId}", Ct);
        var members = await owner.GetStringAsync($"/api/v1/farms/{farmId}/members", Ct);
        var keys = await owner.GetStringAsync($"/api/v1/farms/{farmId}/device-keys", Ct);
        return string.Join('\n', farms, farm, members, keys);
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

    private static JsonNode Resolve(JsonNode schema, JsonNode document) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference.Split('/')[^1]]!
            : schema;

    /// <summary>Bodies shaped like the schema (known property names, wrong and extreme values) or plain garbage.</summary>
    private static Gen<string> Body(JsonNode schema, JsonNode document, int depth) =>
        Gen.Frequency(
            (1, Gen.OneOfConst(Garbage)),
            (1, Gen.String),
            (6, ObjectLike(schema, document, depth)));

    private static Gen<string> ObjectLike(JsonNode schema, JsonNode document, int depth)
    {
        var resolved = Resolve(schema, document);
        var properties = resolved["properties"]?.AsObject().Select(p => (p.Key, p.Value!)).ToArray() ?? [];
        var names = properties.Select(p => p.Key).Append("unexpectedField").ToArray();
        var field = Gen.OneOfConst(names).SelectMany(name =>
        {
            var nested = properties.FirstOrDefault(p => p.Key == name).Item2;
            var value = nested is not null && depth < 2 && Resolve(nested, document)["properties"] is not null
                ? Gen.Frequency((3, ObjectLike(nested, document, depth + 1)), (2, Value(depth)))
                : Value(depth);
            return value.Select(v => $"{JsonSerializer.Serialize(name)}:{v}");
        });
        return field.Array[0, 6].Select(fields => "{" + string.Join(",", fields) + "}");
    }

    private static Gen<string> Value(int depth) => Gen.Frequency(
        (2, Gen.OneOfConst(Numbers)),
        (2, Gen.OneOfConst(Strings).Select(s => JsonSerializer.Serialize(s))),
        (1, Gen.OneOfConst("null", "true", "false", "{}", "[]")),
        (1, Gen.Int[0, 3].Select(n => "[" + string.Join(",", Enumerable.Repeat("1", n == 3 ? 5000 : n)) + "]")),
        (depth < 2 ? 1 : 0, Gen.Const(0).SelectMany(_ => Value(depth + 1)).Array[1, 3].Select(items => "[" + string.Join(",", items) + "]")));
}
