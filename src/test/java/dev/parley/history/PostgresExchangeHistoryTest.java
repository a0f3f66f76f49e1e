package dev.parley.history;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.PostgresTestDatabase;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;

/** The history contract on a real PostgreSQL ({@link PostgresTestDatabase}), in a schema of its own. */
@Requires(Requirement.POSTGRES)
class PostgresExchangeHistoryTest extends ExchangeHistoryContract {

    private static final String SCHEMA = "parley_history_contract";

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase database = PostgresTestDatabase.required();
        String url = database.freshSchema(SCHEMA);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        // with the database as the source the instance records in its intents folder what it published: a copy's
        Path intents = KnowledgeFixture.copyFiles(Path.of("intents"), root.resolve("intents"));
        registry.add("parley.knowledge.intents-dir", intents::toString);
    }
}
