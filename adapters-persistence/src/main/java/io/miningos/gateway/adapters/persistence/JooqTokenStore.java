package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.port.out.TokenStore;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Token grants in the {@code tokens} table, keyed by the token's hash. */
public final class JooqTokenStore implements TokenStore {

    static final Table<Record> TOKENS = DSL.table(DSL.name("tokens"));
    static final Field<String> HASH = DSL.field(DSL.name("tokens", "hash"), SQLDataType.VARCHAR);
    static final Field<Long> USER_ID = DSL.field(DSL.name("tokens", "user_id"), SQLDataType.BIGINT);
    static final Field<String> ROLES = DSL.field(DSL.name("tokens", "roles"), SQLDataType.VARCHAR);
    static final Field<String> IPS = DSL.field(DSL.name("tokens", "ips"), SQLDataType.VARCHAR);
    static final Field<Long> CREATED_AT = DSL.field(DSL.name("tokens", "created_at"), SQLDataType.BIGINT);
    static final Field<Long> EXPIRES_AT = DSL.field(DSL.name("tokens", "expires_at"), SQLDataType.BIGINT);

    private final Database db;

    public JooqTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(TokenGrant grant) {
        db.dsl().insertInto(TOKENS)
                .set(HASH, grant.hash())
                .set(USER_ID, grant.userId())
                .set(ROLES, String.join(":", grant.roles()))
                .set(IPS, grant.ips().stream().map(ClientIp::value).sorted().collect(Collectors.joining(",")))
                .set(CREATED_AT, grant.createdAt().toEpochMilli())
                .set(EXPIRES_AT, grant.expiresAt().toEpochMilli())
                .execute();
    }

    @Override
    public Optional<TokenGrant> findByHash(String hash) {
        return db.dsl().select(HASH, USER_ID, ROLES, IPS, CREATED_AT, EXPIRES_AT).from(TOKENS)
                .where(HASH.eq(hash))
                .fetchOptional(JooqTokenStore::toGrant);
    }

    @Override
    public int deleteByUser(long userId) {
        return db.dsl().deleteFrom(TOKENS).where(USER_ID.eq(userId)).execute();
    }

    /**
     * On PostgreSQL, first locks the user's row (FOR NO KEY UPDATE: token inserts, which lock its key, still pass)
     * until the caller's transaction ends: gateways issuing tokens to one user at once then count and cut in turn,
     * each seeing the other's new token, so the cap holds across instances (SQLite has one writer at a time).
     */
    @Override
    public List<String> deleteOldest(long userId, int keep) {
        if (db.dialect() == SQLDialect.POSTGRES) {
            db.dsl().select(JooqUserRepository.ID).from(JooqUserRepository.USERS)
                    .where(JooqUserRepository.ID.eq(userId)).forNoKeyUpdate().fetch();
        }
        List<String> revoked = db.dsl().select(HASH).from(TOKENS).where(USER_ID.eq(userId))
                .orderBy(CREATED_AT.desc(), HASH.desc()).offset(keep).fetch(HASH);
        if (!revoked.isEmpty()) {
            db.dsl().deleteFrom(TOKENS).where(HASH.in(revoked)).execute();
        }
        return revoked;
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.dsl().deleteFrom(TOKENS).where(EXPIRES_AT.le(now.toEpochMilli())).execute();
    }

    private static TokenGrant toGrant(Record r) {
        List<String> roles = List.of(r.get(ROLES).split(":"));
        Set<ClientIp> ips = Arrays.stream(r.get(IPS).split(",")).map(ClientIp::new).collect(Collectors.toSet());
        return new TokenGrant(r.get(HASH), r.get(USER_ID), roles, ips, Instant.ofEpochMilli(r.get(CREATED_AT)),
                Instant.ofEpochMilli(r.get(EXPIRES_AT)));
    }
}
