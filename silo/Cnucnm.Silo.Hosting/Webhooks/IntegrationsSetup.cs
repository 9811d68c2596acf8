using Cnucnm.Silo.Hosting.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>Webhook settings, the secret key and the HTTP client, and the SMTP settings, shared by the API
/// (which creates subscriptions and sends account e-mails) and the silo (which delivers).</summary>
public static class IntegrationsSetup
{
    /// <summary>Section holding <c>SecretKey</c>: 32 bytes, base64, that encrypt webhook secrets at rest.</summary>
    public const string SecretKeySetting = "Cnucnm:Integrations:SecretKey";

    public static WebhookOptions AddCnucnmIntegrations(this IHostApplicationBuilder builder, CnucnmOptions cnucnm)
    {
        var webhooks = builder.AddSettings<WebhookOptions>(WebhookOptions.SectionName);
        builder.Services.AddSingleton(new WebhookSecrets(Protector(builder.Configuration[SecretKeySetting], cnucnm.Profile)));
        builder.Services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A receiver's redirect is not followed: the signed body goes only to the subscribed URL.
                AllowAutoRedirect = false,
                // No proxy from the environment: the connect-time address check must see the receiver, not a proxy.
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = (context, cancellationToken) => WebhookEgress.ConnectAsync(context, webhooks.AllowPrivateNetworks, cancellationToken),
            });
        builder.Services.AddSingleton<WebhookSender>();

        builder.AddSettings<EmailOptions>(EmailOptions.SectionName);
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return webhooks;
    }

    private static WebhookSecretProtector? Protector(string? configuredKey, HostingProfile profile)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configuredKey);
            }
            catch (FormatException)
            {
                throw new OptionsValidationException(SecretKeySetting, typeof(WebhookOptions), [$"{SecretKeySetting} must be base64."]);
            }

            return key.Length == 32
                ? new WebhookSecretProtector(key)
                : throw new OptionsValidationException(SecretKeySetting, typeof(WebhookOptions), [$"{SecretKeySetting} must be 32 bytes (base64 of 32 random bytes)."]);
        }

        // The embedded profile keeps subscriptions in memory, so a key that lives as long as the process is enough.
        return profile == HostingProfile.Embedded
            ? new WebhookSecretProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            : null;
    }
}

/// <summary>The secret protector, or null when a durable deployment has no <c>Cnucnm:Integrations:SecretKey</c>
/// (webhooks cannot be created then).</summary>
public sealed record WebhookSecrets(WebhookSecretProtector? Protector);
