namespace Cnucnm.Contracts;

/// <summary>Names of the Orleans providers, shared by grains and hosts.</summary>
public static class ProviderNames
{
    /// <summary>Grain state of farms, groups, rations and other domain grains.</summary>
    public const string GrainState = "cnucnm";

    /// <summary>Stream provider that fans out farm events (memory streams; durable facts are stored first).</summary>
    public const string Streams = "farm-events";

    /// <summary>Storage of the stream pub/sub subscriptions.</summary>
    public const string PubSubStore = "PubSubStore";
}
