namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>Reads server-sent events (event, id, data lines separated by a blank line) from a response stream.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    public sealed record SseEvent(string Event, string? Id, string Data);

    /// <summary>The next event named <paramref name="name"/> (any event when null), skipping others.</summary>
    public async Task<SseEvent> NextAsync(string? name, TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        string eventName = "message", data = "";
        string? id = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (data.Length > 0 && (name is null || eventName == name))
                {
                    return new SseEvent(eventName, id, data);
                }

                (eventName, data, id) = ("message", "", null);
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line[6..].Trim();
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data += line[5..].Trim();
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
