package dev.parley.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.parley.history.DatabaseTime;
import dev.parley.system.ApiProperties;
import dev.parley.system.BucketStores;
import dev.parley.system.ClientBuckets;
import io.github.bucket4j.BucketConfiguration;

/**
 * The API keys of programs that use the bot API, kept in the database (table {@code api_key}, migration V5), so
 * every instance knows the same keys. A key is 32 random bytes, and only its SHA-256 is stored: for a random secret
 * of that length a fast hash is as good as a slow one, since there is nothing to guess. A key presented is looked
 * up by its hash; a lookup is remembered for {@link #REMEMBERED_FOR}, so a key revoked on another instance is
 * refused here within that time (the instance that revokes forgets at once).
 *
 * <p>Each key has its own quota ({@code requests per minute}, all of them at once at most), counted in the
 * {@link BucketStores} like the limits per address: with PostgreSQL across all instances.
 */
@Component
class ApiKeys {

    /** How long a lookup is trusted: a revoked key is refused on every instance within this (the issue says 5 s). */
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(2);
    /** How precisely {@code last_used_at} follows use: at most one write per key and minute. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String PREFIX = "parley_";
    private static final int KEY_BYTES = 32;
    /** What a key looks like: anything else is refused without a lookup. */
    private static final Pattern KEY_SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final int defaultPerMinute;
    private final BucketStores.BucketStore quotas;
    private final SecureRandom random = new SecureRandom();
    // By hash; an unknown hash is remembered as empty too, so a client repeating a wrong key costs no query.
    private final Cache<String, Optional<ApiKey>> byHash = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(REMEMBERED_FOR).build();

    ApiKeys(JdbcClient jdbc, ApiProperties settings, BucketStores stores) {
        this.jdbc = jdbc;
        this.defaultPerMinute = settings.keys().requestsPerMinute();
        // A key's bucket is full again within a minute whatever its quota: capacity and refill are one number.
        this.quotas = stores.forLimit("api-key", ClientBuckets.untilFull(1, 1));
    }

    /** Creates a key; the result holds the key itself, which is never shown again. */
    NewApiKey create(String name, Integer requestsPerMinute) {
        int perMinute = requestsPerMinute != null ? requestsPerMinute : defaultPerMinute;
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as both databases keep it
        var generated = new GeneratedKeyHolder();
        jdbc.sql("insert into api_key (name, key_hash, requests_per_minute, created_at) values (?, ?, ?, ?)")
                .params(name.strip(), hash(key), perMinute, DatabaseTime.utc(now)).update(generated, "id");
        long id = generated.getKeyAs(Long.class);
        return new NewApiKey(id, name.strip(), key, perMinute, now);
    }

    /** Every key, revoked ones too, oldest first. */
    List<ApiKey> list() {
        return jdbc.sql("select * from api_key order by id").query(ApiKeys::apiKey).list();
    }

    /**
     * Revokes a key: from now on refused here, and on every instance within {@link #REMEMBERED_FOR}.
     *
     * @return false when there is no key with this id; true also when it was revoked already
     */
    boolean revoke(long id) {
        jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null")
                .params(DatabaseTime.utc(Instant.now()), id).update();
        byHash.invalidateAll();
        return jdbc.sql("select count(*) from api_key where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** The valid key a client presented; empty when it is unknown, malformed or revoked. */
    Optional<ApiKey> find(String presented) {
        if (presented == null || !KEY_SHAPE.matcher(presented).matches()) {
            return Optional.empty();
        }
        return byHash.get(hash(presented), this::load);
    }

    /** Takes one request from the key's quota. */
    ClientBuckets.Take take(ApiKey key) {
        return ClientBuckets.Take.from(quotas.bucket(String.valueOf(key.id()), () -> BucketConfiguration.builder()
                .addLimit(ClientBuckets.perMinute(key.requestsPerMinute(), key.requestsPerMinute())).build()));
    }

    private Optional<ApiKey> load(String hash) {
        Optional<Row> found = jdbc.sql("select * from api_key where key_hash = ?").param(hash)
                .query((row, n) -> new Row(apiKey(row, n), row.getString("key_hash"))).optional();
        // The index found the row by the hash; compared again in constant time, so no code path of ours depends
        // on how much of a guessed hash matches.
        Optional<ApiKey> key = found.filter(row -> MessageDigest.isEqual(row.hash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .map(Row::key).filter(valid -> !valid.revoked());
        key.ifPresent(this::noteUse);
        return key;
    }

    /** Records that the key is in use, at most once a minute (a lookup is made at most every few seconds). */
    private void noteUse(ApiKey key) {
        Instant now = Instant.now();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.sql("update api_key set last_used_at = ? where id = ?").params(DatabaseTime.utc(now), key.id())
                    .update();
        }
    }

    private static ApiKey apiKey(ResultSet row, int n) throws SQLException {
        return new ApiKey(row.getLong("id"), row.getString("name"), row.getInt("requests_per_minute"),
                DatabaseTime.instant(row, "created_at"), instantOrNull(row, "last_used_at"),
                instantOrNull(row, "revoked_at"));
    }

    private static Instant instantOrNull(ResultSet row, String column) throws SQLException {
        return row.getObject(column) == null ? null : DatabaseTime.instant(row, column);
    }

    /** The SHA-256 of a key, in hex: what the table keeps. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Row(ApiKey key, String hash) {
    }
}
