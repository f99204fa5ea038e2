package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users in the {@code users} table. The row mapping lives here and only here. */
public final class JooqUserRepository implements UserRepository {

    static final Table<Record> USERS = DSL.table(DSL.name("users"));
    static final Field<Long> ID = DSL.field(DSL.name("users", "id"), SQLDataType.BIGINT);
    static final Field<String> EMAIL = DSL.field(DSL.name("users", "email"), SQLDataType.VARCHAR);
    static final Field<String> NAME = DSL.field(DSL.name("users", "name"), SQLDataType.VARCHAR);
    static final Field<String> ROLE = DSL.field(DSL.name("users", "role"), SQLDataType.VARCHAR);
    static final Field<Long> CREATED_AT = DSL.field(DSL.name("users", "created_at"), SQLDataType.BIGINT);
    static final Field<Long> UPDATED_AT = DSL.field(DSL.name("users", "updated_at"), SQLDataType.BIGINT);
    static final Field<Long> LAST_ACTIVE_AT = DSL.field(DSL.name("users", "last_active_at"), SQLDataType.BIGINT);

    private final Database db;

    public JooqUserRepository(Database db) {
        this.db = db;
    }

    private DSLContext dsl() {
        return db.dsl();
    }

    @Override
    public Optional<User> findById(long id) {
        return dsl().select(ID, EMAIL, NAME, ROLE, CREATED_AT).from(USERS).where(ID.eq(id))
                .fetchOptional(JooqUserRepository::toUser);
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return dsl().select(ID, EMAIL, NAME, ROLE, CREATED_AT).from(USERS).where(EMAIL.eq(email.value()))
                .fetchOptional(JooqUserRepository::toUser);
    }

    @Override
    public List<User> findAll() {
        return dsl().select(ID, EMAIL, NAME, ROLE, CREATED_AT).from(USERS).orderBy(ID)
                .fetch(JooqUserRepository::toUser);
    }

    @Override
    public User insert(NewUser user, Instant now) {
        long id = dsl().insertInto(USERS)
                .set(EMAIL, user.email().value())
                .set(NAME, user.name())
                .set(ROLE, user.role())
                .set(CREATED_AT, now.toEpochMilli())
                .set(UPDATED_AT, now.toEpochMilli())
                .returningResult(ID)
                .fetchOne(ID);
        return new User(id, user.email(), user.name(), user.role(), Instant.ofEpochMilli(now.toEpochMilli()));
    }

    @Override
    public void update(User user, Instant now) {
        dsl().update(USERS)
                .set(EMAIL, user.email().value())
                .set(NAME, user.name())
                .set(ROLE, user.role())
                .set(UPDATED_AT, now.toEpochMilli())
                .where(ID.eq(user.id()))
                .execute();
    }

    @Override
    public boolean delete(long id) {
        return dsl().deleteFrom(USERS).where(ID.eq(id)).execute() > 0;
    }

    /**
     * An arbitrary constant: gateways starting on one PostgreSQL database seed accounts (the super admin, the sign-in
     * list's users) in turn.
     */
    private static final long ACCOUNT_SEEDING_LOCK = 0x7375706572L;

    @Override
    public void holdAccountSeeding() {
        if (db.dialect() == SQLDialect.POSTGRES) {
            // else two gateways would both find a user missing and insert it, and the second start would fail on
            // the key; SQLite has one gateway per data folder
            dsl().fetch("SELECT pg_advisory_xact_lock(?)", ACCOUNT_SEEDING_LOCK);
        }
    }

    @Override
    public boolean ensureSuperAdmin(Email email, Instant now) {
        return db.inTransaction(() -> {
            holdAccountSeeding();
            Optional<User> current = findById(User.SUPER_ADMIN_ID);
            Optional<User> holder = findByEmail(email);
            if (holder.isPresent() && !holder.get().isSuperAdmin()) {
                throw new IllegalStateException("the configured super admin e-mail " + email
                        + " already belongs to user " + holder.get().id() + "; change that user's e-mail first");
            }
            if (current.isEmpty()) {
                dsl().insertInto(USERS)
                        .set(ID, User.SUPER_ADMIN_ID)
                        .set(EMAIL, email.value())
                        .set(ROLE, Role.SUPER_ADMIN)
                        .set(CREATED_AT, now.toEpochMilli())
                        .set(UPDATED_AT, now.toEpochMilli())
                        .execute();
                return false;
            }
            if (current.get().email().equals(email)) {
                return false;
            }
            dsl().update(USERS).set(EMAIL, email.value()).set(UPDATED_AT, now.toEpochMilli())
                    .where(ID.eq(User.SUPER_ADMIN_ID)).execute();
            return true;
        });
    }

    /** Rebuilds a user from its row; {@link User}'s rules apply as for any other user. */
    private static User toUser(Record r) {
        return new User(r.get(ID), new Email(r.get(EMAIL)), r.get(NAME), r.get(ROLE),
                Instant.ofEpochMilli(r.get(CREATED_AT)));
    }
}
