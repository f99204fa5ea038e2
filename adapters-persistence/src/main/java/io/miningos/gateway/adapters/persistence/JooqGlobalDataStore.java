package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.RecordKey;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SelectLimitStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Site-wide data records in {@code global_records}, one row per (type, site, key). Writes are single-row upserts
 * ({@code INSERT ... ON CONFLICT DO UPDATE}), so writers of different keys never touch each other's rows; scans
 * select the key range, model and window in SQL on the primary key and read rows lazily.
 */
public final class JooqGlobalDataStore implements GlobalDataStore {

    static final Table<Record> RECORDS = DSL.table(DSL.name("global_records"));
    static final Field<String> TYPE = DSL.field(DSL.name("global_records", "type"), SQLDataType.VARCHAR);
    static final Field<String> SITE = DSL.field(DSL.name("global_records", "site"), SQLDataType.VARCHAR);
    static final Field<Long> NUM_KEY = DSL.field(DSL.name("global_records", "num_key"), SQLDataType.BIGINT);
    static final Field<String> TEXT_KEY = DSL.field(DSL.name("global_records", "text_key"), SQLDataType.VARCHAR);
    static final Field<String> DOCUMENT = DSL.field(DSL.name("global_records", "document"), SQLDataType.VARCHAR);
    static final Field<Long> UPDATED_AT = DSL.field(DSL.name("global_records", "updated_at"), SQLDataType.BIGINT);

    private final Database db;

    public JooqGlobalDataStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(GlobalRecord record, Instant now) {
        String json = JsonText.write(record.document());
        db.run(() -> db.dsl().insertInto(RECORDS)
                .set(TYPE, record.type().wireName())
                .set(SITE, record.site())
                .set(NUM_KEY, record.key().number())
                .set(TEXT_KEY, record.key().name())
                .set(DOCUMENT, json)
                .set(UPDATED_AT, now.toEpochMilli())
                .onConflict(TYPE, SITE, NUM_KEY, TEXT_KEY).doUpdate()
                .set(DOCUMENT, json)
                .set(UPDATED_AT, now.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<Map<String, Object>> find(GlobalDataType type, String site, RecordKey key) {
        return db.dsl().select(DOCUMENT).from(RECORDS)
                .where(TYPE.eq(type.wireName()), SITE.eq(site), NUM_KEY.eq(key.number()), TEXT_KEY.eq(key.name()))
                .fetchOptional(r -> JsonText.readObject(r.value1()));
    }

    @Override
    public <T> T scan(RecordScan scan, Function<Iterable<Map<String, Object>>, T> reader) {
        Condition where = TYPE.eq(scan.type().wireName()).and(SITE.eq(scan.site()));
        if (!scan.range().isAll()) {
            where = where.and(NUM_KEY.between(scan.range().from(), scan.range().to()));
        }
        if (scan.name().isPresent()) {
            where = where.and(TEXT_KEY.eq(scan.name().get()));
        }
        SelectLimitStep<Record1<String>> ordered = db.dsl().select(DOCUMENT).from(RECORDS).where(where)
                .orderBy(NUM_KEY, TEXT_KEY);
        ResultQuery<Record1<String>> select = scan.limit() == Long.MAX_VALUE
                ? (scan.skip() == 0 ? ordered : ordered.offset(scan.skip()))
                : ordered.limit(scan.limit()).offset(scan.skip());
        try (Cursor<Record1<String>> rows = select.fetchLazy()) {
            return reader.apply(() -> documents(rows.iterator()));
        }
    }

    private static Iterator<Map<String, Object>> documents(Iterator<Record1<String>> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                return JsonText.readObject(rows.next().value1());
            }
        };
    }
}
