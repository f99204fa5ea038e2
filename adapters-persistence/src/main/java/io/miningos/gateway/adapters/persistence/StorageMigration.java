package io.miningos.gateway.adapters.persistence;

import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies a SQLite gateway database into a PostgreSQL one: users, tokens, settings, profiles, the audit log and
 * site-wide data, with their ids. Rows go in batches, one transaction each, with {@code ON CONFLICT DO NOTHING}:
 * running it again copies only what is missing, so an interrupted copy is finished by running it again. Then the
 * PostgreSQL id sequences are moved past every id SQLite ever gave (a deleted user's id stays dead), and each table's
 * rows are counted on both sides.
 */
public final class StorageMigration {

    static final int BATCH = 500;

    /** One table's rows: in SQLite, inserted by this run, and in PostgreSQL afterwards. */
    public record TableCount(String table, int source, int copied, int target) {
        /** PostgreSQL holds as many rows as SQLite (every SQLite row, when it started empty). */
        public boolean matches() {
            return source == target;
        }
    }

    private record Copied(String name, Table<Record> table, List<Field<?>> fields) {
    }

    /** In reference order: users before what refers to them. */
    private static final List<Copied> TABLES = List.of(
            new Copied("users", JooqUserRepository.USERS, List.of(JooqUserRepository.ID, JooqUserRepository.EMAIL,
                    JooqUserRepository.NAME, JooqUserRepository.ROLE, JooqUserRepository.CREATED_AT,
                    JooqUserRepository.UPDATED_AT, JooqUserRepository.LAST_ACTIVE_AT)),
            new Copied("tokens", JooqTokenStore.TOKENS, List.of(JooqTokenStore.HASH, JooqTokenStore.USER_ID,
                    JooqTokenStore.ROLES, JooqTokenStore.IPS, JooqTokenStore.CREATED_AT, JooqTokenStore.EXPIRES_AT)),
            new Copied("user_settings", JooqUserSettingsStore.SETTINGS, List.of(JooqUserSettingsStore.USER_ID,
                    JooqUserSettingsStore.DOCUMENT, JooqUserSettingsStore.UPDATED_AT)),
            new Copied("user_profiles", JooqUserProfileStore.PROFILES, List.of(JooqUserProfileStore.USER_ID,
                    JooqUserProfileStore.NAME, JooqUserProfileStore.GIVEN_NAME, JooqUserProfileStore.PICTURE,
                    JooqUserProfileStore.UPDATED_AT)),
            new Copied("audit_entries", JooqAuditLog.AUDIT, List.of(JooqAuditLog.ID, JooqAuditLog.AT,
                    JooqAuditLog.ACTOR_ID, JooqAuditLog.ACTOR_EMAIL, JooqAuditLog.ACTION, JooqAuditLog.TARGET,
                    JooqAuditLog.OUTCOME, JooqAuditLog.DETAILS)),
            new Copied("global_records", JooqGlobalDataStore.RECORDS, List.of(JooqGlobalDataStore.TYPE,
                    JooqGlobalDataStore.SITE, JooqGlobalDataStore.NUM_KEY, JooqGlobalDataStore.TEXT_KEY,
                    JooqGlobalDataStore.DOCUMENT, JooqGlobalDataStore.UPDATED_AT)));

    /** The tables with SQLite AUTOINCREMENT ids, whose PostgreSQL identity sequences must move past them. */
    private static final List<String> SEQUENCED = List.of("users", "audit_entries");

    private StorageMigration() {
    }

    /** Copies every table of {@code from} into {@code to}; returns each table's counts, in copy order. */
    public static List<TableCount> copy(SqliteDatabase from, PostgresDatabase to) {
        List<TableCount> counts = new ArrayList<>();
        for (Copied table : TABLES) {
            int source = from.dsl().fetchCount(table.table());
            int copied = copyRows(from, to, table);
            counts.add(new TableCount(table.name(), source, copied, to.dsl().fetchCount(table.table())));
        }
        for (String table : SEQUENCED) {
            Long used = from.dsl().fetchOptional("SELECT seq FROM sqlite_sequence WHERE name = ?", table)
                    .map(r -> r.get(0, Long.class)).orElse(1L);
            to.dsl().fetch("SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST(max(id), ?, 1)) FROM " + table,
                    table, used);
        }
        return counts;
    }

    private static int copyRows(SqliteDatabase from, PostgresDatabase to, Copied table) {
        int copied = 0;
        List<Record> batch = new ArrayList<>(BATCH);
        try (Cursor<Record> rows = from.dsl().select(table.fields()).from(table.table()).fetchLazy()) {
            for (Record row : rows) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    copied += insert(to, table, batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            copied += insert(to, table, batch);
        }
        return copied;
    }

    private static int insert(PostgresDatabase to, Copied table, List<Record> rows) {
        return to.inTransaction(() -> {
            InsertValuesStepN<Record> insert = to.dsl().insertInto(table.table(), table.fields());
            for (Record row : rows) {
                insert = insert.values(row.intoArray());
            }
            return insert.onConflictDoNothing().execute();
        });
    }
}
