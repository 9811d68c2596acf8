using MailKit.Net.Smtp;
using MimeKit;

namespace Cnucnm.Silo.Hosting.Email;

/// <summary>One e-mail, rendered: subject, plain text and HTML alternatives.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);

public interface IEmailSender
{
    bool Configured { get; }

    Task SendAsync(string toAddress, string toName, EmailContent content, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server with MailKit (one connection per message: volumes are
/// a few e-mails per farm per day).</summary>
public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public bool Configured => options.Configured;

    public async Task SendAsync(string toAddress, string toName, EmailContent content, CancellationToken cancellationToken)
    {
        if (!options.Configured)
        {
            throw new InvalidOperationException($"No SMTP server is configured ({EmailOptions.SectionName}:SmtpHost).");
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.Username))
        {
            await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
