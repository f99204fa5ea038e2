package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.users.port.out.UserSettingsStore;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One JSON settings document per user in {@code user_settings}; saving replaces it. */
public final class JooqUserSettingsStore implements UserSettingsStore {

    static final Table<Record> SETTINGS = DSL.table(DSL.name("user_settings"));
    static final Field<Long> USER_ID = DSL.field(DSL.name("user_settings", "user_id"), SQLDataType.BIGINT);
    static final Field<String> DOCUMENT = DSL.field(DSL.name("user_settings", "settings"), SQLDataType.VARCHAR);
    static final Field<Long> UPDATED_AT = DSL.field(DSL.name("user_settings", "updated_at"), SQLDataType.BIGINT);

    private final Database db;

    public JooqUserSettingsStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Map<String, Object>> find(long userId) {
        return db.dsl().select(DOCUMENT).from(SETTINGS).where(USER_ID.eq(userId))
                .fetchOptional(r -> JsonText.readObject(r.get(DOCUMENT)));
    }

    @Override
    public void save(long userId, Map<String, Object> settings, Instant now) {
        String json = JsonText.write(settings);
        db.dsl().insertInto(SETTINGS)
                .set(USER_ID, userId)
                .set(DOCUMENT, json)
                .set(UPDATED_AT, now.toEpochMilli())
                .onConflict(USER_ID).doUpdate()
                .set(DOCUMENT, json)
                .set(UPDATED_AT, now.toEpochMilli())
                .execute();
    }
}
