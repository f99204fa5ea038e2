package io.miningos.gateway.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One persisted record of a sensitive operation or security event: who did what to whom, when, and how it ended.
 *
 * @param actorId    the acting user's id, or {@code null} for the system (CLI, start-up)
 * @param actorEmail the acting user's e-mail, or a system label such as {@code cli}
 * @param action     what was attempted, e.g. {@code USER_CREATE}, {@code SUPER_ADMIN_MODIFICATION_ATTEMPT}
 * @param target     what it was attempted on, e.g. {@code user:7} or an e-mail
 * @param outcome    {@code success}, {@code denied}, {@code not_found}, {@code invalid}, ...
 * @param details    small extra facts (old and new role...), never secrets
 */
public record AuditEntry(Instant at, Long actorId, String actorEmail, String action, String target,
                         String outcome, Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorEmail, "actorEmail");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
