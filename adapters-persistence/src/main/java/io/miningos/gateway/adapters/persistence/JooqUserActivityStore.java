package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.port.out.UserActivityStore;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.Map;

import static io.miningos.gateway.adapters.persistence.JooqUserRepository.ID;
import static io.miningos.gateway.adapters.persistence.JooqUserRepository.LAST_ACTIVE_AT;
import static io.miningos.gateway.adapters.persistence.JooqUserRepository.USERS;

/** Last activity in {@code users.last_active_at} (epoch ms), written as one batch in one transaction. */
public final class JooqUserActivityStore implements UserActivityStore {

    private final Database db;

    public JooqUserActivityStore(Database db) {
        this.db = db;
    }

    @Override
    public void recordLastActive(Map<Long, Instant> lastActiveByUser) {
        if (lastActiveByUser.isEmpty()) {
            return;
        }
        db.run(() -> lastActiveByUser.forEach((userId, at) -> {
            long ms = at.toEpochMilli();
            // max(): another process (or an older batch) may have written a later time already.
            db.dsl().update(USERS)
                    .set(LAST_ACTIVE_AT, DSL.greatest(DSL.coalesce(LAST_ACTIVE_AT, DSL.val(ms)), DSL.val(ms)))
                    .where(ID.eq(userId))
                    .execute();
        }));
    }
}
