package io.miningos.gateway.adapters.persistence;

import org.junit.jupiter.api.BeforeAll;
/** The port contracts on a fresh schema of the PostgreSQL test server each. */
class PostgresPortsTest extends JooqPortsTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }

    @Override
    Database newDatabase() {
        return track(track(TestPostgres.schema()).open());
    }
}
