using System.Security.Cryptography;
using System.Text;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>
/// Encrypts webhook signing secrets at rest with AES-256-GCM under the key of
/// <c>Cnucnm:Integrations:SecretKey</c> (32 bytes, base64; from a Kubernetes secret or the environment,
/// never the repository). Stored form: version byte, 12-byte nonce, 16-byte tag, ciphertext. The
/// subscription id is authenticated with it, so a ciphertext copied onto another row does not decrypt.
/// </summary>
public sealed class WebhookSecretProtector
{
    private const byte FormatVersion = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] _key;

    public WebhookSecretProtector(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The webhook secret key must be 32 bytes (AES-256).", nameof(key));
        }

        _key = key;
    }

    /// <summary>A new signing secret: 32 random bytes, as the string receivers use.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public byte[] Protect(string secret, Guid subscriptionId)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var stored = new byte[1 + NonceBytes + TagBytes + plaintext.Length];
        stored[0] = FormatVersion;
        var nonce = stored.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, stored.AsSpan(1 + NonceBytes + TagBytes), stored.AsSpan(1 + NonceBytes, TagBytes), subscriptionId.ToByteArray());
        return stored;
    }

    /// <exception cref="CryptographicException">Tampered, or encrypted under another key.</exception>
    public string Unprotect(byte[] stored, Guid subscriptionId)
    {
        if (stored.Length < 1 + NonceBytes + TagBytes || stored[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown webhook secret format.");
        }

        var plaintext = new byte[stored.Length - 1 - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(stored.AsSpan(1, NonceBytes), stored.AsSpan(1 + NonceBytes + TagBytes), stored.AsSpan(1 + NonceBytes, TagBytes), plaintext,
            subscriptionId.ToByteArray());
        return Encoding.UTF8.GetString(plaintext);
    }
}
