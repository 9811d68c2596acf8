using System.Globalization;
using System.Text;
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
                INSERT INTO feed_search (id, owner, name, name_korean, category, type, kind, source, search_text, composition)
                SELECT f.id, $1, f.name, f.name_korean, f.category, f.type, f.kind, f.source, f.search_text,
                       ARRAY(SELECT e::float8 FROM jsonb_array_elements_text(f.composition) WITH ORDINALITY AS c(e, i) ORDER BY i)
                  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])
                       AS f(id, name, name_korean, category, type, kind, source, search_text, composition)
                ON CONFLICT (owner, id) DO UPDATE SET name = excluded.name, name_korean = excluded.name_korean,
                    category = excluded.category, type = excluded.type, kind = excluded.kind, source = excluded.source,
                    search_text = excluded.search_text, composition = excluded.composition
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
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<FeedSearchPage> SearchAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = db.CreateCommand();
        // Matches are found and ordered on narrow columns; only the page's rows are read whole.
        var sql = new StringBuilder("WITH m AS (SELECT owner, id, name, length(search_text) AS len FROM feed_search WHERE (owner = '' OR owner = ANY($1))");
        command.Parameters.AddWithValue(query.Owners.ToArray());
        string Add(object value)
        {
            command.Parameters.AddWithValue(value);
            return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var word in query.Words)
        {
            // Compacted words are letters and digits only: no LIKE wildcards to escape.
            sql.Append(" AND search_text LIKE ").Append(Add($"%{word}%"));
        }

        if (query.Category is { Length: > 0 } category)
        {
            sql.Append(" AND lower(category) = ").Append(Add(category.ToLowerInvariant()));
        }

        foreach (var range in query.Ranges)
        {
            var element = $"composition[{((int)range.Nutrient + 1).ToString(CultureInfo.InvariantCulture)}]";
            if (range.Min is { } min)
            {
                sql.Append(" AND ").Append(element).Append(" >= ").Append(Add(min));
            }

            if (range.Max is { } max)
            {
                sql.Append(" AND ").Append(element).Append(" <= ").Append(Add(max));
            }
        }

        // Shortest names first (the closest to the words asked), then by name.
        sql.Append($"), p AS (SELECT * FROM m ORDER BY len, name, id OFFSET {Add(query.Offset)} LIMIT {Add(query.Limit)})");
        // The count row comes back even past the last page (the feed columns are then null).
        sql.Append($" SELECT {Prefixed}, c.total FROM (SELECT count(*) AS total FROM m) c")
            .Append(" LEFT JOIN (p JOIN feed_search f USING (owner, id)) ON true ORDER BY p.len, p.name, p.id");
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
