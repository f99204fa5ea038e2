package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.persistence.PostgresDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway keeps users, tokens, settings, audit and site data ({@code common.json: gateway.storage}, our
 * addition): the data folder's SQLite file (the default), or a PostgreSQL database several gateway instances share.
 */
public sealed interface StorageConfig {

    String SQLITE = "sqlite";
    String POSTGRES = "postgres";
    int DEFAULT_POOL_SIZE = 10;

    /** {@code {"kind": "sqlite"}}, or no {@code storage} at all: {@code gateway.db} in the data folder. */
    record Sqlite() implements StorageConfig {
    }

    /**
     * {@code {"kind": "postgres", "url": "jdbc:postgresql://host:5432/db", "user": ..., "passwordFile": ...,
     * "poolSize": 10}}.
     *
     * @param passwordFile a file holding the password (its first line), readable by the gateway only; empty for a
     *                     server that asks none
     */
    record Postgres(String url, String user, Optional<Path> passwordFile, int poolSize) implements StorageConfig {
        public Postgres {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(passwordFile, "passwordFile");
        }

        /** The connection settings, reading the password file now (so a changed password takes a restart). */
        public PostgresDatabase.Settings settings() {
            String password = passwordFile.map(Postgres::readPassword).orElse(null);
            return new PostgresDatabase.Settings(url, user, password, poolSize);
        }

        private static String readPassword(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                return (end >= 0 ? text.substring(0, end) : text).strip();
            } catch (IOException e) {
                throw new ConfigException(ConfigLoader.COMMON + ": gateway.storage.passwordFile: cannot read " + file
                        + ": " + e.getMessage());
            }
        }
    }
}
