package io.miningos.gateway.adapters.persistence;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema changes per engine, applied in order at open inside one write transaction, so two processes
 * starting on the same database at once cannot both apply a step (SQLite: the write lock; PostgreSQL: an advisory
 * lock taken first). A new step is a new {@code db/migration/[postgres/]V<nnn>__<what>.sql} resource plus one line
 * in {@link #STEPS} or {@link #POSTGRES_STEPS}; applied steps are never edited. The engines have their own DDL
 * (types, identity columns) for the same tables, which the stores read and write with one SQL.
 */
final class SchemaMigrations {

    /** SQLite's steps, in {@code db/migration/}. */
    static final List<String> STEPS = List.of(
            "V001__identity.sql",
            "V002__global_data.sql",
            "V003__health_probe.sql",
            "V004__user_profiles.sql"
    );

    /** PostgreSQL's steps, in {@code db/migration/postgres/}: the same tables, plus the shared rate limit buckets. */
    static final List<String> POSTGRES_STEPS = List.of(
            "postgres/V001__identity.sql",
            "postgres/V002__global_data.sql",
            "postgres/V003__health_probe.sql",
            "postgres/V004__user_profiles.sql",
            "postgres/V005__rate_limits.sql"
    );

    /** An arbitrary constant: the advisory lock two gateways starting on one PostgreSQL database take in turn. */
    private static final long POSTGRES_MIGRATION_LOCK = 0x6d696e696e676f73L;

    private SchemaMigrations() {
    }

    static List<String> stepsOf(SQLDialect dialect) {
        return dialect == SQLDialect.POSTGRES ? POSTGRES_STEPS : STEPS;
    }

    static void apply(Database db) {
        DSLContext dsl = db.dsl();
        List<String> steps = stepsOf(db.dialect());
        db.run(() -> {
            if (db.dialect() == SQLDialect.POSTGRES) {
                dsl.execute("SELECT pg_advisory_xact_lock(" + POSTGRES_MIGRATION_LOCK + ")");
            }
            dsl.createTableIfNotExists("schema_migrations")
                    .column("version", SQLDataType.INTEGER.notNull())
                    .column("name", SQLDataType.VARCHAR.notNull())
                    .column("applied_at", SQLDataType.BIGINT.notNull())
                    .primaryKey("version")
                    .execute();
            Integer applied = dsl.select(DSL.max(DSL.field("version", Integer.class)))
                    .from("schema_migrations").fetchOne(0, Integer.class);
            int done = applied == null ? 0 : applied;
            if (done > steps.size()) {
                throw new IllegalStateException("database schema version " + done + " is newer than this gateway ("
                        + steps.size() + "); use a newer gateway or another database");
            }
            for (int i = done; i < steps.size(); i++) {
                String name = steps.get(i);
                for (String statement : statements(read(name))) {
                    dsl.execute(statement);
                }
                dsl.insertInto(DSL.table("schema_migrations"))
                        .columns(DSL.field("version"), DSL.field("name"), DSL.field("applied_at"))
                        .values(i + 1, name, System.currentTimeMillis())
                        .execute();
            }
        });
    }

    private static String read(String name) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Splits a script on statement-ending semicolons, dropping {@code --} comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            String code = comment >= 0 ? line.substring(0, comment) : line;
            current.append(code).append('\n');
            if (code.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
