using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cnucnm.Api.Tests.Security;

/// <summary>The served OpenAPI document describes every operation completely, endpoints added later included.</summary>
public sealed class OpenApiContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<(string Method, string Path, JsonObject Operation)>> OperationsAsync()
    {
        using var client = api.Factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;
        return [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(m => Methods.Contains(m.Key))
            .Select(m => (m.Key.ToUpperInvariant(), path.Key, m.Value!.AsObject())))];
    }

    [Fact]
    public async Task Every_operation_has_a_summary_an_operation_id_and_its_problem_answers()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 90, $"{operations.Count} operations");
        var missing = new List<string>();
        foreach (var (method, path, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            var anonymous = operation["security"] is JsonArray { Count: 0 };
            var expected = new List<string> { "429" };
            if (!anonymous)
            {
                expected.AddRange(["401", "403"]);
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (operation["requestBody"] is not null)
            {
                expected.AddRange(["400", "413"]);
            }

            foreach (var status in expected.Where(s => !responses.ContainsKey(s)))
            {
                missing.Add($"{method} {path}: no {status}");
            }

            if (operation["summary"]?.GetValue<string>() is not { Length: > 0 })
            {
                missing.Add($"{method} {path}: no summary");
            }

            if (operation["operationId"]?.GetValue<string>() is not { Length: > 0 })
            {
                missing.Add($"{method} {path}: no operationId");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [InlineData("POST", "/api/v1/auth/token")]
    [InlineData("POST", "/api/v1/auth/register")]
    [InlineData("POST", "/api/v1/auth/password-reset")]
    [InlineData("POST", "/api/v1/auth/password-reset/confirm")]
    [InlineData("POST", "/api/v1/auth/email-verification/confirm")]
    public async Task Anonymous_operations_need_no_credentials(string method, string path)
    {
        var operation = (await OperationsAsync()).Single(o => o.Method == method && o.Path == path).Operation;
        Assert.True(operation["security"] is JsonArray { Count: 0 }, operation["security"]?.ToJsonString() ?? "no security");
    }

    [Fact]
    public async Task Operations_that_need_a_caller_declare_it()
    {
        var operation = (await OperationsAsync()).Single(o => o.Method == "GET" && o.Path == "/api/v1/me").Operation;
        Assert.Null(operation["security"]); // the document-wide bearer or device key applies
    }

    [Fact]
    public async Task A_body_with_a_key_twice_is_refused_naming_the_key()
    {
        using var client = api.Factory.CreateClient();
        using var body = new StringContent("""{"email":"a@farm.test","password":"correct-horse-1","email":"b@farm.test"}""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/auth/token", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _), errors.ToString());
    }
}
