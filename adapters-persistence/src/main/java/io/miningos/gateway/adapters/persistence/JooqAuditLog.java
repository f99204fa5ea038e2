package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.domain.audit.AuditEntry;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.List;

/** The audit trail in {@code audit_entries}. Entries are only ever added. */
public final class JooqAuditLog implements AuditLog {

    static final Table<Record> AUDIT = DSL.table(DSL.name("audit_entries"));
    static final Field<Long> ID = DSL.field(DSL.name("audit_entries", "id"), SQLDataType.BIGINT);
    static final Field<Long> AT = DSL.field(DSL.name("audit_entries", "at"), SQLDataType.BIGINT);
    static final Field<Long> ACTOR_ID = DSL.field(DSL.name("audit_entries", "actor_id"), SQLDataType.BIGINT);
    static final Field<String> ACTOR_EMAIL = DSL.field(DSL.name("audit_entries", "actor_email"), SQLDataType.VARCHAR);
    static final Field<String> ACTION = DSL.field(DSL.name("audit_entries", "action"), SQLDataType.VARCHAR);
    static final Field<String> TARGET = DSL.field(DSL.name("audit_entries", "target"), SQLDataType.VARCHAR);
    static final Field<String> OUTCOME = DSL.field(DSL.name("audit_entries", "outcome"), SQLDataType.VARCHAR);
    static final Field<String> DETAILS = DSL.field(DSL.name("audit_entries", "details"), SQLDataType.VARCHAR);

    private final Database db;

    public JooqAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry entry) {
        db.dsl().insertInto(AUDIT)
                .set(AT, entry.at().toEpochMilli())
                .set(ACTOR_ID, entry.actorId())
                .set(ACTOR_EMAIL, entry.actorEmail())
                .set(ACTION, entry.action())
                .set(TARGET, entry.target())
                .set(OUTCOME, entry.outcome())
                .set(DETAILS, JsonText.write(entry.details()))
                .execute();
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return db.dsl().select(AT, ACTOR_ID, ACTOR_EMAIL, ACTION, TARGET, OUTCOME, DETAILS).from(AUDIT)
                .orderBy(ID.desc()).limit(limit)
                .fetch(r -> new AuditEntry(Instant.ofEpochMilli(r.get(AT)), r.get(ACTOR_ID), r.get(ACTOR_EMAIL),
                        r.get(ACTION), r.get(TARGET), r.get(OUTCOME), JsonText.readStrings(r.get(DETAILS))));
    }
}
