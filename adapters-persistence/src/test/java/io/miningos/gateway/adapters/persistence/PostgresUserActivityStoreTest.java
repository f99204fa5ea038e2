package io.miningos.gateway.adapters.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The last-activity store on a schema of its own on the PostgreSQL test server. */
class PostgresUserActivityStoreTest extends JooqUserActivityStoreTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    private TestPostgres.Scratch schema;

    @Override
    Database openDatabase() {
        schema = TestPostgres.schema();
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
