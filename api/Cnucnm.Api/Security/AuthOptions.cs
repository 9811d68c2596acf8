using System.ComponentModel.DataAnnotations;

namespace Cnucnm.Api.Security;

/// <summary>Settings of section <c>Cnucnm:Auth</c>. Secrets come from configuration (environment,
/// Kubernetes Secret), never from the repository.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Cnucnm:Auth";

    /// <summary>Base64 HMAC-SHA256 key (≥ 32 bytes) that signs access tokens. Required with the
    /// Postgres profile; the embedded default makes an ephemeral one (tokens die with the process).</summary>
    public string? SigningKey { get; set; }

    [Required]
    public string Issuer { get; set; } = "cnucnm";

    [Required]
    public string Audience { get; set; } = "cnucnm-api";

    [Range(1, 120)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 90)]
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>How long an API process trusts an account's security stamp before reading it again: the longest
    /// an access token keeps working on another process after a revocation (role or password change, sign-out,
    /// refresh-token reuse, lock-out, deletion). The process that made the change refuses the token at once.</summary>
    [Range(1, 300)]
    public int SessionCheckSeconds { get; set; } = 5;

    /// <summary>Minutes the browser credential for the Orleans dashboard (an HttpOnly cookie scoped to <c>/dashboard</c>,
    /// issued to operators by <c>POST /api/v1/auth/dashboard-session</c>) stays valid.</summary>
    [Range(1, 15)]
    public int DashboardSessionMinutes { get; set; } = 5;

    /// <summary>Whether anyone may create an account (the embedded default and small installations).</summary>
    public bool AllowRegistration { get; set; } = true;

    /// <summary>External OpenID Connect issuer (e.g. a farm group's identity provider); empty: none.</summary>
    public string? ExternalAuthority { get; set; }

    public string? ExternalAudience { get; set; }

    /// <summary>Creates this administrator at start when no account with the e-mail exists.</summary>
    public BootstrapAccount? BootstrapAdmin { get; set; }
}

public sealed class BootstrapAccount
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>Global roles of the account (admin, operator).</summary>
    public string[] Roles { get; set; } = ["admin", "operator"];
}
