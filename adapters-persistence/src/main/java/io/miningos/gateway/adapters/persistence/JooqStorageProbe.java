package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.health.port.out.StorageProbe;
import org.jooq.impl.DSL;

import java.time.Clock;

/** Rewrites the one row of {@code health_probe} in a write transaction: the file takes writes if that commits. */
public final class JooqStorageProbe implements StorageProbe {

    private final Database db;
    private final Clock clock;

    public JooqStorageProbe(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void checkWritable() {
        long now = clock.millis();
        db.run(() -> db.dsl().insertInto(DSL.table("health_probe"))
                .columns(DSL.field("id"), DSL.field("checked_at"))
                .values(1, now)
                .onConflict(DSL.field("id")).doUpdate().set(DSL.field("checked_at"), now)
                .execute());
    }
}
