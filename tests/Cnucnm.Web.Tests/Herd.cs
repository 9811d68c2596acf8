using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>A farm set up through the HTTP API as a farmer would: an owner, priced feeds of the NASEM (2021)
/// demo diet, a lactating pen with a ration, a device key.</summary>
public sealed record Herd(HttpClient Owner, string OwnerEmail, Guid FarmId, string FarmName, Guid GroupId, string DeviceKey)
{
    public const string Password = "correct-horse-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Herd> CreateAsync(WebServerFactory server, string farmName = "천안 목장", bool withRation = true)
    {
        var (owner, email) = await UserAsync(server, "owner");
        var (farmId, groupId, deviceKey) = await DemoFarm.SeedAsync(owner, farmName, withRation);
        return new Herd(owner, email, farmId, farmName, groupId, deviceKey);
    }

    /// <summary>Adds protein, mineral and vitamin sources with prices and stores the group's candidates and
    /// bounds as the workbench does (proteinMaxKgDm caps the protein feeds: 0.2 makes the problem infeasible).</summary>
    public async Task AddFormulationCandidatesAsync(double? proteinMaxKgDm)
    {
        await DemoFarm.AddSupplementsAsync(Owner, FarmId);

        // The nutritionist's candidates and bounds, as the workbench stores them.
        var candidates = DemoFarm.Candidates().Select(c => new { feedId = c.FeedId, maxKgDryMatter = c.MaxKgDryMatter })
            .Select(c => proteinMaxKgDm is { } max && c.feedId is "soybean-meal" or "canola-meal" or "alfalfa" ? c with { maxKgDryMatter = max } : c)
            .ToList();
        await DemoFarm.Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/groups/{GroupId}/ration/settings",
            new { candidates, dryMatterIntakeTolerancePercent = 5 }, Ct));
    }

    /// <summary>Registers a person (the registration e-mail's link makes the account) and returns a client signed in as them.</summary>
    public static async Task<(HttpClient Client, string Email)> UserAsync(WebServerFactory server, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@farm.test";
        var client = server.CreateClient();
        await DemoFarm.Ok(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = name, password = Password }, Ct));
        var link = await server.Smtp.WaitForAsync(email, m => m.Subject == "Confirm your CNUCNM registration");
        await DemoFarm.Ok(await client.PostAsJsonAsync("/api/v1/auth/register/confirm", new { token = SmtpReceiver.LinkToken(link, "confirm-registration") }, Ct));
        var token = await DemoFarm.Ok(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return (client, email);
    }

    /// <summary>A new person with the given role on this farm (viewer, nutritionist …); returns their e-mail.</summary>
    public async Task<string> AddMemberAsync(WebServerFactory server, string role)
    {
        var (client, email) = await UserAsync(server, role);
        await DemoFarm.AddMemberAsync(Owner, FarmId, client, email, role);
        client.Dispose();
        return email;
    }

    /// <summary>Posts intake readings with the farm's device key, as a bunk scale does.</summary>
    public async Task PostReadingsAsync(WebServerFactory server, params (long Sequence, string FeedId, double DeliveredKgAsFed)[] readings)
    {
        using var device = server.CreateClient();
        device.DefaultRequestHeaders.Add("X-Api-Key", DeviceKey);
        var result = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new
        {
            readings = readings.Select(r => new
            {
                deviceId = "scale-1",
                sequence = r.Sequence,
                measuredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                groupId = GroupId,
                feedId = r.FeedId,
                deliveredKgAsFed = r.DeliveredKgAsFed,
                refusedKgAsFed = 0.0,
            }).ToArray(),
        }, Ct));
        Assert.Equal(readings.Length, result.GetProperty("stored").GetInt32());
    }
}
