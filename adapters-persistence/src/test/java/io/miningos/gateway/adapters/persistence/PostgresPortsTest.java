package io.miningos.gateway.adapters.persistence;

/** The port contracts on a fresh schema of the PostgreSQL test server each. */
class PostgresPortsTest extends JooqPortsTest {
    @Override
    Database newDatabase() {
        return track(track(TestPostgres.schema()).open());
    }
}
