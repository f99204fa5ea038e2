package io.miningos.gateway.adapters.persistence;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema changes, applied in order at open inside one write transaction, so two processes starting on
 * the same file at once cannot both apply a step. A new step is a new {@code db/migration/V<nnn>__<what>.sql}
 * resource plus one line in {@link #STEPS}; applied steps are never edited.
 */
final class SchemaMigrations {

    static final List<String> STEPS = List.of(
            "V001__identity.sql",
            "V002__global_data.sql",
            "V003__health_probe.sql",
            "V004__user_profiles.sql"
    );

    private SchemaMigrations() {
    }

    static void apply(SqliteDatabase db) {
        DSLContext dsl = db.dsl();
        db.run(() -> {
            dsl.createTableIfNotExists("schema_migrations")
                    .column("version", SQLDataType.INTEGER.notNull())
                    .column("name", SQLDataType.VARCHAR.notNull())
                    .column("applied_at", SQLDataType.BIGINT.notNull())
                    .primaryKey("version")
                    .execute();
            Integer applied = dsl.select(DSL.max(DSL.field("version", Integer.class)))
                    .from("schema_migrations").fetchOne(0, Integer.class);
            int done = applied == null ? 0 : applied;
            if (done > STEPS.size()) {
                throw new IllegalStateException("database schema version " + done + " is newer than this gateway ("
                        + STEPS.size() + "); use a newer gateway or another data directory");
            }
            for (int i = done; i < STEPS.size(); i++) {
                String name = STEPS.get(i);
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
