using System.Globalization;
using Cnucnm.Api.Security;
using Cnucnm.Nutrition.Messages;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Caching.Memory;

namespace Cnucnm.Api.Localization;

/// <summary>
/// The language of the texts the server sends to people (issue 19, "Korean everywhere"): ASP.NET Core request localisation over the
/// message catalogue (<see cref="ServerText"/>, resx in English and Korean). The UI culture is, in order: <c>?lang=en|ko</c>; the
/// <c>Accept-Language</c> header when the client sends one (the web UI sends its language, which is the person's stored setting
/// after sign-in); the signed-in person's stored language (<c>PUT /api/v1/me/language</c>); English. Only the UI culture changes:
/// numbers and dates the API formats stay invariant.
/// </summary>
public static class ServerLanguage
{
    public static readonly string[] Supported = ["en", "ko"];

    public static void AddCnucnmLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddMemoryCache();
        services.AddSingleton<MessageLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = [CultureInfo.GetCultureInfo("en")];
            o.SupportedUICultures = [.. Supported.Select(CultureInfo.GetCultureInfo)];
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new AcceptLanguageHeaderRequestCultureProvider(),
                new CustomRequestCultureProvider(StoredLanguageAsync),
            ];
        });
    }

    /// <summary>After authentication: the stored language needs the signed-in person.</summary>
    public static void UseCnucnmLocalization(this WebApplication app) => app.UseRequestLocalization();

    /// <summary>Forgets a person's cached language (after <c>PUT /api/v1/me/language</c>).</summary>
    public static void Forget(IMemoryCache cache, Guid userId) => cache.Remove(CacheKey(userId));

    private static async Task<ProviderCultureResult?> StoredLanguageAsync(HttpContext context)
    {
        if (context.User.GetUserId() is not { } userId)
        {
            return null;
        }

        var cache = context.RequestServices.GetRequiredService<IMemoryCache>();
        var language = await cache.GetOrCreateAsync(CacheKey(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var users = context.RequestServices.GetRequiredService<IUserStore>();
            return (await users.FindByIdAsync(userId, context.RequestAborted))?.PreferredLanguage;
        });
        return language is "en" or "ko" ? new ProviderCultureResult("en", language) : null;
    }

    private static string CacheKey(Guid userId) => $"cnucnm.language:{userId}";

    /// <summary>True when the request's texts are Korean.</summary>
    public static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";
}
