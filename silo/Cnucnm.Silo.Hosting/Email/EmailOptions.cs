using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Cnucnm.Silo.Hosting.Email;

/// <summary>Settings of section <c>Cnucnm:Email</c>: the SMTP server e-mail goes through. Without a host
/// no e-mail is sent (the embedded default); the password for the server comes from a secret.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Cnucnm:Email";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@cnucnm.local";

    public string FromName { get; set; } = "CNUCNM";

    /// <summary>The web front's address, for links in e-mails (password reset, e-mail verification, alerts).</summary>
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the silo looks for due alert e-mails.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a person's immediate alert e-mail waits for related events (the other deficits of the same ration
    /// change): the events of one farm written within it go out as one e-mail.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan AlertBurstWindow { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(SmtpHost);
}
