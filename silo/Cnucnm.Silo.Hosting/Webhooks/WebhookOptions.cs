using System.ComponentModel.DataAnnotations;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>Settings of section <c>Cnucnm:Integrations:Webhooks</c>: the delivery worker and its retry schedule.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string SectionName = "Cnucnm:Integrations:Webhooks";

    /// <summary>Run the delivery worker in this silo (every silo may: claims never overlap).</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>How often an idle worker looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests in flight per worker.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Requests in flight to one subscription: a receiver that hangs holds at most this many of the slots.</summary>
    [Range(1, 256)]
    public int MaxConcurrencyPerSubscription { get; set; } = 2;

    /// <summary>Time a receiver has to answer one delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Back-off before retry n is drawn uniformly from [0, min(MaxDelay, BaseDelay × 2^(n−1))] (full jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Let deliveries reach loopback, private and link-local addresses (a receiver on the farm's own network).
    /// Off by default: the URL is the subscriber's choice, and the silo must not become a way into its own network.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Attempts before a delivery is dead-lettered (then only a manual re-send sends it again).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 40;

    /// <summary>Extra time a claim is held beyond its request's timeout; after it another worker may send the
    /// delivery again (a worker that died mid-send).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest a claim is held: its request timing out, then the margin (each delivery is sent and recorded on its own).</summary>
    public TimeSpan Lease => RequestTimeout + LeaseMargin;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelay < BaseDelay)
        {
            yield return new ValidationResult("MaxDelay must not be less than BaseDelay.", [nameof(MaxDelay)]);
        }
    }
}
