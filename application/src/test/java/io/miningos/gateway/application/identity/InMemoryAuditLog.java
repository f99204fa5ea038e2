package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.domain.audit.AuditEntry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Audit entries in memory, newest last. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        synchronized (entries) {
            List<AuditEntry> newestFirst = new ArrayList<>(entries);
            Collections.reverse(newestFirst);
            return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        }
    }
}
