package io.miningos.gateway.adapters.persistence;

/** The port contracts on a fresh SQLite file each. */
class SqlitePortsTest extends JooqPortsTest {
    @Override
    Database newDatabase() {
        return track(TempDatabase.open());
    }
}
