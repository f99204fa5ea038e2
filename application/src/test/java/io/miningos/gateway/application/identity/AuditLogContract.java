package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.domain.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link AuditLog} must do; run against each implementation. */
public abstract class AuditLogContract {

    protected abstract AuditLog newLog();

    @Test
    void keepsEntriesNewestFirst() {
        AuditLog log = newLog();
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        AuditEntry first = new AuditEntry(t, 1L, "root@example.com", "USER_CREATE", "op@example.com", "success",
                Map.of("role", "dev", "userId", "2"));
        AuditEntry second = new AuditEntry(t.plusSeconds(1), null, "console", "USER_CREATE", "x@example.com",
                "success", Map.of());
        AuditEntry third = new AuditEntry(t.plusSeconds(2), 7L, "admin@example.com",
                "SUPER_ADMIN_MODIFICATION_ATTEMPT", "user:1", "denied", Map.of("role", "dev"));
        log.record(first);
        log.record(second);
        log.record(third);
        assertEquals(List.of(third, second), log.latest(2));
        assertEquals(List.of(third, second, first), log.latest(10));
    }
}
