using Cnucnm.Grains.Security;

namespace Cnucnm.Cluster.Tests.Security;

public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Three_free_mistakes_then_waits_that_double_up_to_fifteen_minutes()
    {
        var throttle = SignInThrottle.PerAccountSource();
        var waits = Enumerable.Range(0, 16).Select(i => throttle.Failed(Start)).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], waits.Take(3));
        Assert.Equal([1, 2, 4, 8, 16], waits.Skip(3).Take(5).Select(w => w.TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(15), waits[^1]);
    }

    [Fact]
    public void The_wait_runs_out_with_time_and_the_count_is_forgotten_after_an_hour()
    {
        var throttle = SignInThrottle.PerAccountSource();
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(Start);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), throttle.WaitBefore(Start));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.WaitBefore(Start.AddSeconds(1)));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(Start.AddSeconds(2)));
        Assert.False(throttle.IsIdle(Start.AddMinutes(59)));
        Assert.True(throttle.IsIdle(Start.AddHours(1)));
        Assert.Equal(TimeSpan.Zero, throttle.Failed(Start.AddHours(1)));
    }

    [Fact]
    public void The_right_password_starts_the_count_again()
    {
        var throttle = SignInThrottle.PerAccountSource();
        for (var i = 0; i < 10; i++)
        {
            throttle.Failed(Start);
        }

        throttle.Succeeded();

        Assert.Equal(TimeSpan.Zero, throttle.WaitBefore(Start));
        Assert.Equal(0, throttle.Failures);
    }
}
