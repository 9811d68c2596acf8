using Microsoft.AspNetCore.StaticFiles;

namespace Cnucnm.Api.Infrastructure;

/// <summary>Headers of the web front's static files (wwwroot).</summary>
public static class WebFront
{
    /// <summary>
    /// Pages may load scripts, styles and data only from this origin. 'unsafe-eval': Vue compiles the
    /// page templates in the browser (no bundler); inline styles: ECharts positions its tooltips with them.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void PrepareResponse(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        // Files change with each release and carry no version in their names: the browser revalidates.
        headers.CacheControl = "no-cache";
    }
}
