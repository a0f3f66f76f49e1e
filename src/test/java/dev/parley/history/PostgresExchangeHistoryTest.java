package dev.parley.history;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The history contract on a real PostgreSQL ({@link PostgresTestDatabase}), in a schema of its own. */
class PostgresExchangeHistoryTest extends ExchangeHistoryContract {

    private static final String SCHEMA = "parley_history_contract";

    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.required();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase database = PostgresTestDatabase.required();
        String url = database.freshSchema(SCHEMA);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }
}
