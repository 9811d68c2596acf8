using Microsoft.AspNetCore.Mvc;

namespace Cnucnm.Api.Infrastructure;

/// <summary>
/// File imports (animal lists, lab reports, price lists) carry more than the 1 MiB every other request may:
/// 5,000,000 characters of CSV are up to 15 MB of UTF-8 (Korean takes three bytes), and a 10 MB workbook is
/// 13.4 MB as base64. Their endpoints accept bodies up to <see cref="MaxBodyBytes"/>, so the file's own limits
/// answer with a field message before the server's body limit does.
/// </summary>
public static class ImportLimits
{
    public const long MaxBodyBytes = 24 * 1024 * 1024;

    public static RouteHandlerBuilder AcceptsImportFiles(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
}
