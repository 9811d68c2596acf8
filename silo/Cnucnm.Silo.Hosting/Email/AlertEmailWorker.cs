using Cnucnm.Contracts.Farms;
using Cnucnm.Silo.Hosting.Webhooks;
using Cnucnm.Storage.Identity;
using Cnucnm.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Cnucnm.Contracts;

namespace Cnucnm.Silo.Hosting.Email;

/// <summary>
/// Sends the alert e-mail outbox: due rows are claimed like webhook deliveries (<c>FOR UPDATE SKIP LOCKED</c>
/// with a lease), an immediate row becomes one e-mail, and a person's due digest rows become one digest.
/// A failed send is retried with full-jitter back-off and given up after <see cref="MaxAttempts"/>.
/// The same rounds send each weekly farm report once it is due (Mondays at the person's digest hour).
/// </summary>
public sealed partial class AlertEmailWorker(
    INotificationStore store,
    IUserStore users,
    IEmailSender sender,
    IGrainFactory grains,
    WeeklyReportBuilder weeklyReports,
    EmailOptions options,
    TimeProvider clock,
    ILogger<AlertEmailWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly RetrySchedule _schedule = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sender.Configured)
        {
            LogNotConfigured(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
                await SendWeeklyReportsAsync(stoppingToken);
                await Task.Delay(options.OutboxPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogRoundFailed(logger, exception);
                await Task.Delay(options.OutboxPollInterval, clock, stoppingToken);
            }
        }
    }

    public async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await store.ClaimDueAsync(now, now - options.AlertBurstWindow, now + Lease, 200, cancellationToken);
        var farmNames = new Dictionary<Guid, string>();
        // A person's digest rows make one digest; their immediate rows one e-mail per farm (the burst of that farm's events).
        foreach (var email in claimed.GroupBy(e => (e.UserId, Farm: e.Kind == EmailOutboxKind.AlertDigest ? Guid.Empty : AlertEmailData.FromJson(e.Data).FarmId)))
        {
            var ids = email.Select(e => e.Id).ToList();
            var first = email.First();
            try
            {
                var user = await users.FindByIdAsync(first.UserId, cancellationToken);
                var name = user?.DisplayName ?? first.ToAddress;
                var alerts = new List<AlertEmailItem>();
                foreach (var data in email.Select(e => AlertEmailData.FromJson(e.Data)))
                {
                    var (title, detail) = data.In(first.Language);
                    alerts.Add(new AlertEmailItem(data.AlertId, data.FarmId, await FarmNameAsync(data.FarmId, farmNames), data.Kind, data.Severity,
                        title, detail, data.RaisedAt));
                }

                var zone = await ZoneAsync(first.UserId, email.Key.Farm, cancellationToken);
                var content = first.Kind == EmailOutboxKind.AlertDigest
                    ? EmailTemplates.AlertDigest(first.Language, name, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime), alerts, zone, Link("/"))
                    : alerts.Count == 1
                        ? EmailTemplates.AlertNotification(first.Language, name, alerts[0], zone, Link($"/farms/{alerts[0].FarmId}/alerts"))
                        : EmailTemplates.AlertBurst(first.Language, name, alerts, zone, Link($"/farms/{alerts[0].FarmId}/alerts"));
                await sender.SendAsync(first.ToAddress, name, content, cancellationToken);
                await store.MarkSentAsync(ids, clock.GetUtcNow(), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                var attempts = email.Max(e => e.Attempts);
                DateTimeOffset? retryAt = attempts >= MaxAttempts ? null : clock.GetUtcNow() + _schedule.Delay(attempts, Random.Shared.NextDouble());
                LogSendFailed(logger, exception, first.UserId, attempts);
                await store.MarkFailedAsync(ids, exception.Message.Length > 500 ? exception.Message[..500] : exception.Message, retryAt, cancellationToken);
            }
        }
    }

    /// <summary>Sends each due weekly report that no silo has claimed yet (the claim is a row per person and week).</summary>
    public async Task SendWeeklyReportsAsync(CancellationToken cancellationToken)
    {
        foreach (var recipient in await store.WeeklyReportRecipientsAsync(cancellationToken))
        {
            var weekEnd = NotificationSchedule.ReportedWeekEnd(recipient.Preferences, clock.GetUtcNow());
            if (!await store.TryClaimWeeklyReportAsync(recipient.UserId, weekEnd, clock.GetUtcNow(), cancellationToken))
            {
                continue;
            }

            try
            {
                var farms = await weeklyReports.BuildAsync(recipient.UserId, weekEnd, cancellationToken);
                await sender.SendAsync(recipient.Email, recipient.DisplayName,
                    EmailTemplates.WeeklyFarmReport(recipient.Language, recipient.DisplayName, weekEnd, farms, Link("/")), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                LogSendFailed(logger, exception, recipient.UserId, 1);
                await store.ReleaseWeeklyReportAsync(recipient.UserId, weekEnd, cancellationToken);
            }
        }
    }

    private async Task<string> FarmNameAsync(Guid farmId, Dictionary<Guid, string> names)
    {
        if (!names.TryGetValue(farmId, out var name))
        {
            names[farmId] = name = (await grains.Farm(farmId).GetAsync())?.Profile.Name ?? farmId.ToString();
        }

        return name;
    }

    /// <summary>The time zone an e-mail shows times in: the person's, else the farm's (Asia/Seoul when neither is known).</summary>
    private async Task<TimeZoneInfo> ZoneAsync(Guid userId, Guid farmId, CancellationToken cancellationToken)
    {
        var zone = (await store.GetPreferencesAsync(userId, cancellationToken))?.TimeZone;
        if (zone is null && farmId != Guid.Empty)
        {
            zone = (await grains.Farm(farmId).GetAsync(cancellationToken))?.Profile.TimeZone;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? NotificationSchedule.DefaultTimeZone, out var found)
            ? found
            : TimeZoneInfo.FindSystemTimeZoneById(NotificationSchedule.DefaultTimeZone);
    }

    private Uri Link(string route) => new($"{options.PublicBaseUrl.TrimEnd('/')}/#{route}");

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server is configured: alert e-mails wait in the outbox")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert e-mail round failed; the outbox is retried")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    // The person by id, not by address: logs carry no personal data.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending an e-mail to user {UserId} failed (attempt {Attempt})")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid userId, int attempt);
}
