package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.SiteName;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.ProviderProfile;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A SQLite data folder's database copied into an empty PostgreSQL one: everything, once, with its ids. */
class StorageMigrationTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dir;
    private SqliteDatabase sqlite;
    private TestPostgres.Scratch schema;
    private PostgresDatabase postgres;

    @BeforeEach
    void open() {
        sqlite = TempDatabase.withUsers(SqliteDatabase.open(dir));
        schema = TestPostgres.schema();
        postgres = schema.open();
    }

    @AfterEach
    void close() {
        sqlite.close();
        postgres.close();
        schema.close();
    }

    @Test
    void copiesEveryTableOnceKeepingIdsAndNeverReusesADeletedUsersId() {
        JooqUserRepository users = new JooqUserRepository(sqlite);
        User gone = users.insert(new NewUser(new Email("gone@example.com"), null, "dev"), T0);
        users.delete(gone.id()); // SQLite never gives its id again; PostgreSQL must not either
        new JooqTokenStore(sqlite).save(new TokenGrant("h".repeat(64), 2, List.of("dev"),
                Set.of(ClientIp.parse("127.0.0.1")), T0, T0.plusSeconds(600)));
        new JooqUserSettingsStore(sqlite).save(2, Map.of("theme", "dark"), T0);
        new JooqUserProfileStore(sqlite).save(3, new ProviderProfile("Three", "T", null), T0);
        new JooqAuditLog(sqlite).record(new AuditEntry(T0, 1L, "root@example.com", "USER_CREATE", "user:2",
                "success", Map.of("role", "dev")));
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("year", 1000); // the first of those stored below
        month.put("month", 5);
        month.put("energyCostsUSD", new BigDecimal("1000.50"));
        for (int i = 0; i < StorageMigration.BATCH + 3; i++) { // more than one batch
            Map<String, Object> m = new LinkedHashMap<>(month);
            m.put("year", 1000 + i);
            new JooqGlobalDataStore(sqlite).put(GlobalRecord.written(GlobalDataType.PRODUCTION_COSTS,
                    new SiteName("site-01"), m), T0);
        }

        List<StorageMigration.TableCount> first = StorageMigration.copy(sqlite, postgres);
        assertEquals(List.of(
                new StorageMigration.TableCount("users", 3, 3, 3),
                new StorageMigration.TableCount("tokens", 1, 1, 1),
                new StorageMigration.TableCount("user_settings", 1, 1, 1),
                new StorageMigration.TableCount("user_profiles", 1, 1, 1),
                new StorageMigration.TableCount("audit_entries", 1, 1, 1),
                new StorageMigration.TableCount("global_records", 503, 503, 503)), first);
        assertTrue(first.stream().allMatch(StorageMigration.TableCount::matches));

        List<StorageMigration.TableCount> again = StorageMigration.copy(sqlite, postgres);
        assertTrue(again.stream().allMatch(c -> c.copied() == 0 && c.matches()), again.toString());

        assertEquals(users.findAll(), new JooqUserRepository(postgres).findAll());
        assertEquals(new JooqTokenStore(sqlite).findByHash("h".repeat(64)),
                new JooqTokenStore(postgres).findByHash("h".repeat(64)));
        assertEquals(Map.of("theme", "dark"), new JooqUserSettingsStore(postgres).find(2).orElseThrow());
        assertEquals(new JooqAuditLog(sqlite).latest(10), new JooqAuditLog(postgres).latest(10));
        var key = GlobalRecord.written(GlobalDataType.PRODUCTION_COSTS, new SiteName("site-01"), month).key();
        Map<String, Object> stored = new JooqGlobalDataStore(sqlite)
                .find(GlobalDataType.PRODUCTION_COSTS, "site-01", key).orElseThrow();
        assertEquals(stored, new JooqGlobalDataStore(postgres).find(GlobalDataType.PRODUCTION_COSTS, "site-01", key)
                .orElseThrow());
        assertEquals(new BigDecimal("1000.50"), stored.get("energyCostsUSD"));

        User next = new JooqUserRepository(postgres).insert(new NewUser(new Email("new@example.com"), null, "dev"), T0);
        assertEquals(gone.id() + 1, next.id());
    }
}
