package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.port.out.RateBuckets;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Rate limit buckets in {@code rate_buckets} (PostgreSQL only: with SQLite one gateway counts in memory). A change
 * creates the row if missing, then reads it {@code FOR UPDATE} and writes it back in one transaction, so gateways
 * changing one bucket at once take turns and every action counts once. Only the rare paths touch it (a token
 * refresh, a refused token); rows idle for long are purged ({@link #purgeIdle}).
 */
public final class JooqRateBuckets implements RateBuckets {

    static final Table<Record> BUCKETS = DSL.table(DSL.name("rate_buckets"));
    static final Field<String> LIMIT = DSL.field(DSL.name("rate_buckets", "limit_name"), SQLDataType.VARCHAR);
    static final Field<String> KEY = DSL.field(DSL.name("rate_buckets", "key"), SQLDataType.VARCHAR);
    static final Field<Double> TOKENS = DSL.field(DSL.name("rate_buckets", "tokens"), SQLDataType.DOUBLE);
    static final Field<Long> COUNTED_AT = DSL.field(DSL.name("rate_buckets", "counted_at"), SQLDataType.BIGINT);

    private final PostgresDatabase db;

    public JooqRateBuckets(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public long change(String limit, String key, double initialTokens, long now, ToLongFunction<State> change) {
        Condition bucket = LIMIT.eq(limit).and(KEY.eq(key));
        return db.inTransaction(() -> {
            db.dsl().insertInto(BUCKETS).set(LIMIT, limit).set(KEY, key).set(TOKENS, initialTokens)
                    .set(COUNTED_AT, now).onConflictDoNothing().execute();
            State state = db.dsl().select(TOKENS, COUNTED_AT).from(BUCKETS).where(bucket).forUpdate()
                    .fetchOne(r -> new State(r.value1(), r.value2()));
            long answer = change.applyAsLong(state);
            db.dsl().update(BUCKETS).set(TOKENS, state.tokens).set(COUNTED_AT, state.countedAt).where(bucket)
                    .execute();
            return answer;
        });
    }

    @Override
    public Optional<State> find(String limit, String key) {
        return db.dsl().select(TOKENS, COUNTED_AT).from(BUCKETS).where(LIMIT.eq(limit), KEY.eq(key))
                .fetchOptional(r -> new State(r.value1(), r.value2()));
    }

    /** Deletes buckets not counted since {@code before} (full again by then for any sane limit); returns how many. */
    public int purgeIdle(Instant before) {
        return db.dsl().deleteFrom(BUCKETS).where(COUNTED_AT.lt(before.toEpochMilli())).execute();
    }
}
