package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.domain.user.ProviderProfile;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.Optional;

/** One row per user in {@code user_profiles}; saving replaces it. */
public final class JooqUserProfileStore implements UserProfileStore {

    static final Table<Record> PROFILES = DSL.table(DSL.name("user_profiles"));
    static final Field<Long> USER_ID = DSL.field(DSL.name("user_profiles", "user_id"), SQLDataType.BIGINT);
    static final Field<String> NAME = DSL.field(DSL.name("user_profiles", "name"), SQLDataType.VARCHAR);
    static final Field<String> GIVEN_NAME = DSL.field(DSL.name("user_profiles", "given_name"), SQLDataType.VARCHAR);
    static final Field<String> PICTURE = DSL.field(DSL.name("user_profiles", "picture"), SQLDataType.VARCHAR);
    static final Field<Long> UPDATED_AT = DSL.field(DSL.name("user_profiles", "updated_at"), SQLDataType.BIGINT);

    private final Database db;

    public JooqUserProfileStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(long userId, ProviderProfile profile, Instant now) {
        db.dsl().insertInto(PROFILES)
                .set(USER_ID, userId)
                .set(NAME, profile.name())
                .set(GIVEN_NAME, profile.givenName())
                .set(PICTURE, profile.picture())
                .set(UPDATED_AT, now.toEpochMilli())
                .onConflict(USER_ID).doUpdate()
                .set(NAME, profile.name())
                .set(GIVEN_NAME, profile.givenName())
                .set(PICTURE, profile.picture())
                .set(UPDATED_AT, now.toEpochMilli())
                .execute();
    }

    @Override
    public Optional<ProviderProfile> find(long userId) {
        return db.dsl().select(NAME, GIVEN_NAME, PICTURE).from(PROFILES).where(USER_ID.eq(userId))
                .fetchOptional(r -> new ProviderProfile(r.get(NAME), r.get(GIVEN_NAME), r.get(PICTURE)));
    }
}
