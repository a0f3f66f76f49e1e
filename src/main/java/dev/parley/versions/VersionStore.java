package dev.parley.versions;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.history.DatabaseTime;
import dev.parley.knowledge.KnowledgeFiles;

/**
 * The knowledge versions in the database (V6__knowledge_versions.sql): their files, stored once per content, what
 * training kept for them, and every publication. Writes are made by a publisher holding {@link #lockPublishers()},
 * within its transaction, so "insert unless there" needs no retry.
 */
final class VersionStore {

    /** The fewest digits of a version that name it. */
    static final int SHORTEST_PREFIX = 8;
    private static final Pattern VERSION_PREFIX = Pattern.compile("[0-9a-f]{" + SHORTEST_PREFIX + ",64}");

    /** The channel PostgreSQL notifies of a publication on; the payload names the schema, channels being per database. */
    static final String CHANNEL = "parley_knowledge";

    private final JdbcClient database;
    private final boolean postgres;

    VersionStore(JdbcClient database, DataSource dataSource) {
        this.database = database;
        this.postgres = Boolean.TRUE.equals(new JdbcTemplate(dataSource).execute((ConnectionCallback<Boolean>)
                VersionStore::isPostgres));
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    boolean postgres() {
        return postgres;
    }

    /** Waits until no other publisher, on any instance, holds the lock; held until the transaction ends. */
    void lockPublishers() {
        database.sql("select id from knowledge_publisher where id = 1 for update").query(Integer.class).single();
    }

    /** The publication in service: the latest. */
    Optional<Publication> latest() {
        return database.sql(PUBLICATIONS + " order by p.id desc fetch first 1 rows only").query(VersionStore::publication)
                .optional();
    }

    /** The publications, latest first, at most {@code limit}. */
    List<Publication> publications(int limit) {
        return database.sql(PUBLICATIONS + " order by p.id desc fetch first " + limit + " rows only")
                .query(VersionStore::publication).list();
    }

    /** The latest publication of {@code version}, if it was ever published. */
    Optional<Publication> publicationOf(String version) {
        return database.sql(PUBLICATIONS + " where p.version = ? order by p.id desc fetch first 1 rows only")
                .param(version).query(VersionStore::publication).optional();
    }

    private static final String PUBLICATIONS = "select p.id, p.version, p.published_at, p.based_on, p.published_by,"
            + " v.intents from knowledge_publication p join knowledge_version v on v.version = p.version";

    private static Publication publication(ResultSet row, int number) throws SQLException {
        return new Publication(row.getLong("id"), row.getString("version"), DatabaseTime.instant(row, "published_at"),
                row.getString("based_on"), PublishedBy.valueOf(row.getString("published_by")), row.getInt("intents"));
    }

    boolean has(String version) {
        return database.sql("select count(*) from knowledge_version where version = ?").param(version)
                .query(Integer.class).single() > 0;
    }

    /**
     * The full name of the stored version that {@code given} names: its 64 hexadecimal digits, or a prefix of at
     * least {@value #SHORTEST_PREFIX} of them that no other version shares (the 12 the admin page and the logs show,
     * say).
     *
     * @throws UnknownVersionException when no stored version, or more than one, has that name
     */
    String resolve(String given) {
        String name = given.strip().toLowerCase(Locale.ROOT);
        if (!VERSION_PREFIX.matcher(name).matches()) {
            throw new UnknownVersionException(given);
        }
        List<String> matching = database.sql("select version from knowledge_version where version like ?"
                + " order by version fetch first 2 rows only").param(name + "%").query(String.class).list();
        if (matching.size() != 1) {
            throw matching.isEmpty() ? new UnknownVersionException(given)
                    : UnknownVersionException.ambiguous(given);
        }
        return matching.get(0);
    }

    /** The files of a stored version. */
    Optional<KnowledgeFiles> files(String version) {
        if (!has(version)) {
            return Optional.empty();
        }
        var contents = new TreeMap<String, byte[]>();
        database.sql("select f.path, c.content from knowledge_file f join knowledge_content c on c.hash = f.content_hash"
                + " where f.version = ?").param(version)
                .query(row -> {
                    contents.put(row.getString("path"), row.getBytes("content"));
                });
        return Optional.of(new KnowledgeFiles(contents));
    }

    /** The SHA-256 of each file of a stored version, by name, without reading the files. */
    Optional<Map<String, String>> hashes(String version) {
        if (!has(version)) {
            return Optional.empty();
        }
        var hashes = new TreeMap<String, String>();
        database.sql("select path, content_hash from knowledge_file where version = ?").param(version)
                .query(row -> {
                    hashes.put(row.getString("path"), row.getString("content_hash"));
                });
        return Optional.of(hashes);
    }

    /** Whether any stored version has file {@code name} with the content {@code hash}. */
    boolean everHeld(String name, String hash) {
        return database.sql("select count(*) from knowledge_file where path = ? and content_hash = ?")
                .params(name, hash).query(Integer.class).single() > 0;
    }

    /** Whether a version published from the intent files (imported or reloaded) had file {@code name} as {@code hash}. */
    boolean publishedFromFiles(String name, String hash) {
        return database.sql("select count(*) from knowledge_file f join knowledge_publication p on p.version = f.version"
                + " where f.path = ? and f.content_hash = ? and p.published_by in (?, ?)")
                .params(name, hash, PublishedBy.IMPORT.name(), PublishedBy.RELOAD.name()).query(Integer.class)
                .single() > 0;
    }

    /** The text of file {@code name} in the latest version published from the intent files that has it. */
    Optional<String> lastPublishedFromFiles(String name) {
        return database.sql("select c.content from knowledge_publication p join knowledge_file f on f.version = p.version"
                + " join knowledge_content c on c.hash = f.content_hash where f.path = ? and p.published_by in (?, ?)"
                + " order by p.id desc fetch first 1 rows only")
                .params(name, PublishedBy.IMPORT.name(), PublishedBy.RELOAD.name())
                .query((row, number) -> new String(row.getBytes("content"), StandardCharsets.UTF_8)).optional();
    }

    /** What training kept for a stored version, by file name. */
    Map<String, byte[]> modelFiles(String version) {
        var files = new TreeMap<String, byte[]>();
        database.sql("select m.name, c.content from knowledge_model_file m join knowledge_content c"
                + " on c.hash = m.content_hash where m.version = ?").param(version)
                .query(row -> {
                    files.put(row.getString("name"), row.getBytes("content"));
                });
        return files;
    }

    /** Stores a version's files (each content once) unless stored, and what training kept for it. */
    void store(KnowledgeFiles files, int intents, Map<String, byte[]> kept, Instant now) {
        if (!has(files.version())) {
            database.sql("insert into knowledge_version (version, intents, created_at) values (?, ?, ?)")
                    .params(files.version(), intents, DatabaseTime.utc(now)).update();
            files.hashes().forEach((name, hash) -> {
                storeContent(hash, files.content(name).orElseThrow());
                database.sql("insert into knowledge_file (version, path, content_hash) values (?, ?, ?)")
                        .params(files.version(), name, hash).update();
            });
        }
        kept.forEach((name, bytes) -> {
            String hash = KnowledgeFiles.sha256(bytes);
            storeContent(hash, bytes);
            database.sql("insert into knowledge_model_file (version, name, content_hash) select ?, ?, ? where not exists"
                    + " (select 1 from knowledge_model_file where version = ? and name = ?)")
                    .params(files.version(), name, hash, files.version(), name).update();
        });
    }

    private void storeContent(String hash, byte[] content) {
        database.sql("insert into knowledge_content (hash, content) select ?, ? where not exists"
                + " (select 1 from knowledge_content where hash = ?)").params(hash, content, hash).update();
    }

    /** Records that {@code version} (stored) is now in service, and tells the other instances when it commits. */
    Publication publish(String version, String basedOn, PublishedBy by, Instant now) {
        // microseconds: what both databases keep, so the instant returned is the one read back later
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        database.sql("insert into knowledge_publication (version, published_at, based_on, published_by)"
                + " values (?, ?, ?, ?)").params(version, DatabaseTime.utc(at), basedOn, by.name()).update();
        if (postgres) {
            // delivered when the transaction commits, to every connection listening on the database
            database.sql("select pg_notify(?, current_schema())").param(CHANNEL).query(row -> {
            });
        }
        return latest().orElseThrow();
    }
}
