namespace Cnucnm.Grains.Infrastructure;

/// <summary>
/// A grain's single pending retry of stored work (the farm's ration work, a group's ration update): scheduling replaces the
/// pending one, and the timer fires once. Grain timers do not interleave with the grain's calls by default, so the work
/// runs like any other call of the grain.
/// </summary>
internal sealed class RetryTimer(IGrainBase grain, Func<Task> work)
{
    private IGrainTimer? _timer;

    public void Schedule(TimeSpan dueTime)
    {
        _timer?.Dispose();
        _timer = grain.RegisterGrainTimer(async () =>
        {
            _timer?.Dispose();
            _timer = null;
            await work();
        }, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
    }
}
