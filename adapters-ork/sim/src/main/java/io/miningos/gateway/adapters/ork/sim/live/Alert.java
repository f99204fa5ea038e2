package io.miningos.gateway.adapters.ork.sim.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a thing's {@code last.alerts}. {@code createdAt} and {@code uuid} come from the episode that raised
 * it, so they stay the same for as long as the alert persists and history shows it once. {@code code} is null for
 * container device alarms, which carry none.
 */
public record Alert(String name, String code, String description, String severity, long createdAt, String uuid,
                    String message) {
    public Alert {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(uuid, "uuid");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (code != null) {
            m.put("code", code);
        }
        m.put("description", description);
        m.put("severity", severity);
        m.put("createdAt", createdAt);
        m.put("uuid", uuid);
        if (message != null) {
            m.put("message", message);
        }
        return m;
    }
}
