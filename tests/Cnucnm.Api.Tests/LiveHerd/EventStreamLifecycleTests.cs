using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Cnucnm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>
/// The farm's event stream as a browser's EventSource meets it (issue 19, point 10): a refused stream is a
/// 401/404 problem, not a 500 with a stack trace in the log, and an open stream does not hold up a graceful stop.
/// </summary>
public sealed class EventStreamLifecycleTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_event_stream_is_a_problem_status_and_nothing_is_logged_at_error_level()
    {
        postgres.RequireAvailable();
        var log = new CapturingLoggerProvider();
        await using var factory = await CnucnmApiFactory.StartAsync(postgres, services: s => s.AddSingleton<ILoggerProvider>(log));
        var herd = await HerdApi.CreateAsync(factory, withRation: false);
        var (stranger, _) = await factory.CreateUserClientAsync("stranger");
        var expired = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "cnucnm",
            Audience = "cnucnm-api",
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())]),
            IssuedAt = DateTime.UtcNow.AddHours(-2),
            NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = DateTime.UtcNow.AddHours(-1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(factory.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
        var path = $"/api/v1/farms/{herd.FarmId}/events";

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(factory.CreateClient(), path));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(factory.CreateClient(), $"{path}?access_token=not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(factory.CreateClientWith("not.a.token"), path));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(factory.CreateClientWith(expired), path));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(stranger, path));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(herd.Owner, $"/api/v1/farms/{Guid.NewGuid()}/events"));
        // A device key reads no farm events.
        using var device = herd.DeviceClient(factory);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(device, path));

        Assert.Empty(log.AtLeast(LogLevel.Error));
    }

    [Fact]
    public async Task The_favicon_is_served_to_anyone()
    {
        postgres.RequireAvailable();
        await using var factory = await CnucnmApiFactory.StartAsync(postgres);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync("/favicon.ico", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync(Ct)).Length > 0);
    }

    [Fact]
    public async Task A_graceful_stop_with_an_open_event_stream_takes_less_than_five_seconds()
    {
        postgres.RequireAvailable();
        var factory = await CnucnmApiFactory.StartAsync(postgres, kestrel: true);
        try
        {
            var herd = await HerdApi.CreateAsync(factory, withRation: false);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/farms/{herd.FarmId}/events");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await herd.Owner.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
            await events.NextAsync("ready", TimeSpan.FromSeconds(10));

            var stopping = Stopwatch.StartNew();
            await factory.DisposeAsync();
            stopping.Stop();

            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopping.Elapsed.TotalSeconds:F1} s");
            // The stream ended (the browser reconnects to another instance), it was not cut off mid-event.
            await Assert.ThrowsAsync<EndOfStreamException>(() => events.NextAsync("never-sent", TimeSpan.FromSeconds(5)));
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            return response.StatusCode;
        }
    }

    /// <summary>Keeps every log entry written through the application's logger factory.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

        public IEnumerable<string> AtLeast(LogLevel level) =>
            _entries.Where(e => e.Level >= level).Select(e => $"{e.Level} {e.Category}: {e.Message}");

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }
}
