package io.miningos.gateway.adapters.persistence;

import org.junit.jupiter.api.AfterEach;

/** The last-activity store on a schema of its own on the PostgreSQL test server. */
class PostgresUserActivityStoreTest extends JooqUserActivityStoreTest {

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
