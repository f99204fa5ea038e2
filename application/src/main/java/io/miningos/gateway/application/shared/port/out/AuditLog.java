package io.miningos.gateway.application.shared.port.out;

import io.miningos.gateway.domain.audit.AuditEntry;

import java.util.List;

/** Persisted audit trail of user administration and security events. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The newest entries first, at most {@code limit}. */
    List<AuditEntry> latest(int limit);
}
