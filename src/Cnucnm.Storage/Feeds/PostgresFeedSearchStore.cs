using System.Globalization;
using System.Text;
using System.Text.Json;
using Cnucnm.Nutrition.Feeds;
using Npgsql;

namespace Cnucnm.Storage.Feeds;

/// <summary>Feed search on PostgreSQL: name words by LIKE on the trigram-indexed compacted names (schema 0004).</summary>
public sealed class PostgresFeedSearchStore(NpgsqlDataSource db) : IFeedSearchStore
{
    private const string Columns = "id, name, name_korean, category, type, kind, source, composition";
    private const string Prefixed = "f.id, f.name, f.name_korean, f.category, f.type, f.kind, f.source, f.composition";

    public async Task ReplaceAsync(string owner, IReadOnlyList<Feed> feeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM feed_search WHERE owner = $1 AND NOT (id = ANY($2))", connection, transaction))
        {
            delete.Parameters.AddWithValue(owner);
            delete.Parameters.AddWithValue(feeds.Select(f => f.Id).ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var chunk in feeds.Chunk(1000))
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO feed_search (id, owner, name, name_korean, category, type, kind, source, search_text, composition, names)
                SELECT f.id, $1, f.name, f.name_korean, f.category, f.type, f.kind, f.source, f.search_text,
                       ARRAY(SELECT e::float8 FROM jsonb_array_elements_text(f.composition) WITH ORDINALITY AS c(e, i) ORDER BY i),
                       ARRAY(SELECT jsonb_array_elements_text(f.names))
                  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[])
                       AS f(id, name, name_korean, category, type, kind, source, search_text, composition, names)
                ON CONFLICT (owner, id) DO UPDATE SET name = excluded.name, name_korean = excluded.name_korean,
                    category = excluded.category, type = excluded.type, kind = excluded.kind, source = excluded.source,
                    search_text = excluded.search_text, composition = excluded.composition, names = excluded.names
                """, connection, transaction);
            command.Parameters.AddWithValue(owner);
            command.Parameters.AddWithValue(chunk.Select(f => f.Id).ToArray());
            command.Parameters.AddWithValue(chunk.Select(f => f.Name).ToArray());
            command.Parameters.AddWithValue(chunk.Select(f => f.NameKorean).ToArray());
            command.Parameters.AddWithValue(chunk.Select(f => f.Category).ToArray());
            command.Parameters.AddWithValue(chunk.Select(f => f.Type.ToString()).ToArray());
            command.Parameters.AddWithValue(chunk.Select(f => f.Kind.ToString()).ToArray());
            command.Parameters.AddWithValue(chunk.Select(f => f.Source).ToArray());
            command.Parameters.AddWithValue(chunk.Select(FeedSearchRows.SearchText).ToArray());
            command.Parameters.Add(new NpgsqlParameter { Value = chunk.Select(CompositionJson).ToArray(), DataTypeName = "jsonb[]" });
            command.Parameters.Add(new NpgsqlParameter { Value = chunk.Select(f => JsonSerializer.Serialize(FeedSearchRows.Names(f))).ToArray(), DataTypeName = "jsonb[]" });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<FeedSearchPage> SearchAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = db.CreateCommand();
        string Add(object value)
        {
            command.Parameters.AddWithValue(value);
            return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        // Compacted words are letters and digits only: no LIKE wildcards to escape.
        var words = query.Words.Select(w => Add($"%{w}%")).ToList();
        var first = Add(query.Words.Count > 0 ? query.Words[0] : "");
        // FeedSearchText.Rank: over the displayed names holding every word, tier 0 when the name starts with the first
        // word else 1, plus the name's length; tier 2 with the whole index text's length when no one name holds them all.
        var rank = new StringBuilder($"COALESCE((SELECT min(CASE WHEN starts_with(n, {first}) THEN 0 ELSE 1 END * {FeedSearchText.TierStride} + length(n))")
            .Append(" FROM unnest(names) AS n WHERE true");
        foreach (var word in words)
        {
            rank.Append(" AND n LIKE ").Append(word);
        }

        rank.Append($"), {2 * FeedSearchText.TierStride} + length(search_text))");

        // Matches are found and ranked on narrow columns; only the page's rows are read whole.
        var sql = new StringBuilder($"WITH m AS (SELECT owner, id, name, {rank} AS rank FROM feed_search WHERE ");
        AppendFilters(sql, query, Add);
        foreach (var word in words)
        {
            sql.Append(" AND search_text LIKE ").Append(word);
        }

        // Names in code point order (COLLATE "C"), as the in-memory store's ordinal comparison.
        sql.Append($"), p AS (SELECT * FROM m ORDER BY rank, name COLLATE \"C\", id COLLATE \"C\" OFFSET {Add(query.Offset)} LIMIT {Add(query.Limit)})");
        // The count row comes back even past the last page (the feed columns are then null).
        sql.Append($" SELECT {Prefixed}, c.total FROM (SELECT count(*) AS total FROM m) c")
            .Append(" LEFT JOIN (p JOIN feed_search f USING (owner, id)) ON true ORDER BY p.rank, p.name COLLATE \"C\", p.id COLLATE \"C\"");
        command.CommandText = sql.ToString();

        var feeds = new List<Feed>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(8);
            if (!reader.IsDBNull(0))
            {
                feeds.Add(Read(reader));
            }
        }

        return new FeedSearchPage(feeds, total);
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(FeedQuery query, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Words.Count == 0 || count <= 0)
        {
            return [];
        }

        // The candidates are the allowed feeds' names (a library has about a thousand); FeedSearchText.Suggest scores
        // them, the same code as the in-memory store.
        await using var command = db.CreateCommand();
        string Add(object value)
        {
            command.Parameters.AddWithValue(value);
            return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        var sql = new StringBuilder("SELECT DISTINCT name, name_korean FROM feed_search WHERE ");
        AppendFilters(sql, query, Add);
        command.CommandText = sql.ToString();
        var names = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
            names.Add(reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return FeedSearchText.Suggest(query.Words, names, count);
    }

    /// <summary>The owners, category and range conditions of a query (not its words).</summary>
    private static void AppendFilters(StringBuilder sql, FeedQuery query, Func<object, string> add)
    {
        sql.Append("(owner = '' OR owner = ANY(").Append(add(query.Owners.ToArray())).Append("))");
        if (query.Category is { Length: > 0 } category)
        {
            sql.Append(" AND lower(category) = ").Append(add(category.ToLowerInvariant()));
        }

        foreach (var range in query.Ranges)
        {
            var element = $"composition[{((int)range.Nutrient + 1).ToString(CultureInfo.InvariantCulture)}]";
            if (range.Min is { } min)
            {
                sql.Append(" AND ").Append(element).Append(" >= ").Append(add(min));
            }

            if (range.Max is { } max)
            {
                sql.Append(" AND ").Append(element).Append(" <= ").Append(add(max));
            }
        }
    }

    public async Task<IReadOnlyList<Feed>> GetAsync(IReadOnlyList<string> ids, IReadOnlyList<string> owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = db.CreateCommand($"SELECT {Columns} FROM feed_search WHERE id = ANY($1) AND (owner = '' OR owner = ANY($2))");
        command.Parameters.AddWithValue(ids.ToArray());
        command.Parameters.AddWithValue(owners.ToArray());
        var found = new Dictionary<string, Feed>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var feed = Read(reader);
            found[feed.Id] = feed;
        }

        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    private static Feed Read(NpgsqlDataReader reader) => FeedSearchRows.ToFeed(
        reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
        reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<double?[]>(7));

    private static string CompositionJson(Feed feed) =>
        "[" + string.Join(',', FeedSearchRows.Composition(feed).Select(v => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "null")) + "]";
}
