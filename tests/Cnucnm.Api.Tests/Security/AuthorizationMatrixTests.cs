using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Cnucnm.Api.Tests.Security;

/// <summary>
/// Every endpoint × every kind of caller, generated from the app's endpoint list: an endpoint added
/// without an explicit policy fails here, and each policy's expected answers are derived from the
/// role/permission table, not written by hand.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Expect
    {
        Allowed,
        Unauthorized,
        Forbidden,
        NotFound,
    }

    private sealed record Caller(string Name, HttpClient Client, FarmRole? RoleOnOwnFarm, bool IsAdmin, bool IsOperator, bool IsDevice, bool IsAnonymous);

    [Fact]
    public void Every_endpoint_states_its_policy_or_allows_anonymous_explicitly()
    {
        var missing = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(Describe)
            .ToList();

        Assert.True(missing.Count == 0, "endpoints without an explicit policy: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_policy_says()
    {
        var callers = await CallersAsync();
        var ownFarm = await CreateFarmAsync(callers.Single(c => c.RoleOnOwnFarm == FarmRole.Owner).Client);
        await AddMembersAsync(ownFarm, callers);
        var otherOwner = (await api.Factory.CreateUserClientAsync("other-owner")).Client;
        var otherFarm = await CreateFarmAsync(otherOwner);
        callers.Add(await DeviceAsync(ownFarm, callers.Single(c => c.RoleOnOwnFarm == FarmRole.Owner).Client));

        var failures = new List<string>();
        var checkedCount = 0;
        var serverErrors = 0;
        foreach (var endpoint in Endpoints())
        {
            var policy = PolicyOf(endpoint);
            var farmScoped = endpoint.RoutePattern.Parameters.Any(p => p.Name == "farmId");
            foreach (var caller in callers)
            {
                foreach (var targetOwnFarm in farmScoped ? new[] { true, false } : [true])
                {
                    var expected = Expected(policy, caller, targetOwnFarm);
                    foreach (var method in Methods(endpoint))
                    {
                        var status = await SendAsync(caller.Client, method, endpoint.RoutePattern, targetOwnFarm ? ownFarm : otherFarm);
                        checkedCount++;
                        serverErrors += (int)status >= 500 ? 1 : 0;
                        if (!Matches(expected, status))
                        {
                            failures.Add($"{method} {endpoint.RoutePattern.RawText} as {caller.Name} on {(targetOwnFarm ? "own" : "other")} farm: expected {expected}, got {(int)status}");
                        }
                    }
                }
            }
        }

        // The figures docs/security.md quotes.
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"authorization probe: {checkedCount} calls, {callers.Count} callers, {failures.Count} violations, {serverErrors} answers 5xx");
        Assert.True(checkedCount > 100, $"only {checkedCount} combinations were checked");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool Matches(Expect expected, HttpStatusCode status) => expected switch
    {
        Expect.Unauthorized => status == HttpStatusCode.Unauthorized,
        Expect.Forbidden => status == HttpStatusCode.Forbidden,
        Expect.NotFound => status == HttpStatusCode.NotFound,
        // Allowed: the endpoint itself answers (400 for the empty body, 404 for random ids, 2xx...),
        // never an authorization refusal and never a server error.
        _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
    };

    private static Expect Expected(string policy, Caller caller, bool ownFarm)
    {
        if (policy == "anonymous")
        {
            return Expect.Allowed;
        }

        if (caller.IsAnonymous)
        {
            return Expect.Unauthorized;
        }

        if (policy.StartsWith("farm:", StringComparison.Ordinal))
        {
            var permission = Enum.Parse<FarmPermission>(policy["farm:".Length..]);
            if (caller.IsAdmin)
            {
                return Expect.Allowed;
            }

            if (caller.IsDevice)
            {
                return !ownFarm ? Expect.NotFound : permission == FarmPermission.IngestReadings ? Expect.Allowed : Expect.Forbidden;
            }

            if (!ownFarm || caller.RoleOnOwnFarm is null)
            {
                return Expect.NotFound;
            }

            return caller.RoleOnOwnFarm.Value.Allows(permission) ? Expect.Allowed : Expect.Forbidden;
        }

        return policy switch
        {
            Policies.User => caller.IsDevice ? Expect.Forbidden : Expect.Allowed,
            Policies.Device => caller.IsDevice ? Expect.Allowed : Expect.Forbidden,
            Policies.Admin => caller.IsAdmin ? Expect.Allowed : Expect.Forbidden,
            Policies.Operator or Policies.OperatorDashboard => caller.IsAdmin || caller.IsOperator ? Expect.Allowed : Expect.Forbidden,
            _ => throw new InvalidOperationException($"the matrix does not know policy '{policy}': teach it"),
        };
    }

    private static string PolicyOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "anonymous";
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
        Assert.True(policies.Count == 1, $"{Describe(endpoint)} has policies [{string.Join(", ", policies)}]; state exactly one");
        return policies[0]!;
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)];

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Where(m => m != "HEAD" && m != "OPTIONS");

    private static string Describe(RouteEndpoint e) =>
        $"{string.Join("/", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}";

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, RoutePattern pattern, Guid farmId)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { Name: "farmId" } => farmId.ToString(),
                    RoutePatternParameterPart { IsCatchAll: true } => "",
                    RoutePatternParameterPart { Name: "documentName" } => "v1",
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(pp => pp.Content == "guid") || p.Name.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(pp => pp.Content is "int" or "long") => "1",
                    _ => "x",
                });
            }
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path.Length == 0 ? "/" : path.ToString());
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        // Headers only: event streams never end.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        return response.StatusCode;
    }

    private async Task<List<Caller>> CallersAsync()
    {
        var owner = (await api.Factory.CreateUserClientAsync("owner")).Client;
        var callers = new List<Caller>
        {
            new("anonymous", api.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), null, false, false, false, true),
            new("owner", owner, FarmRole.Owner, false, false, false, false),
            new("admin", await api.Factory.AdminClientAsync(), null, true, true, false, false),
            new("stranger", (await api.Factory.CreateUserClientAsync("stranger")).Client, null, false, false, false, false),
        };
        foreach (var role in new[] { FarmRole.Manager, FarmRole.Nutritionist, FarmRole.Veterinarian, FarmRole.Viewer })
        {
            var (client, email) = await api.Factory.CreateUserClientAsync(role.ToWire());
            callers.Add(new(role.ToWire(), client, role, false, false, false, false) { });
            Pending[role] = email;
        }

        var (operatorClient, operatorEmail) = await api.Factory.CreateUserClientAsync("operator");
        using var admin = await api.Factory.AdminClientAsync();
        var found = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/admin/users?email={Uri.EscapeDataString(operatorEmail)}", Ct));
        var roles = await admin.PutAsJsonAsync($"/api/v1/admin/users/{found.RootElement.GetProperty("id").GetString()}/roles", new { roles = new[] { "operator" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        // Roles are read into the token at sign-in: sign in again.
        operatorClient.Dispose();
        callers.Add(new("operator", await api.Factory.SignInAsync(operatorEmail, "correct-horse-1"), null, false, true, false, false));
        return callers;
    }

    private Dictionary<FarmRole, string> Pending { get; } = [];

    private async Task AddMembersAsync(Guid farmId, List<Caller> callers)
    {
        var owner = callers.Single(c => c.RoleOnOwnFarm == FarmRole.Owner).Client;
        foreach (var (role, email) in Pending)
        {
            await DemoFarm.AddMemberAsync(owner, farmId, callers.Single(c => c.RoleOnOwnFarm == role).Client, email, role.ToWire());
        }
    }

    private static async Task<Guid> CreateFarmAsync(HttpClient owner)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/farms", new
        {
            name = "Matrix farm",
            location = new { region = "Chungnam", countryCode = "KR" },
            currency = "KRW",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<Caller> DeviceAsync(Guid farmId, HttpClient owner)
    {
        var response = await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/device-keys", new { name = "bunk scale 1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("key").GetString()!;
        var client = api.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return new Caller("device", client, null, false, false, true, false);
    }
}
