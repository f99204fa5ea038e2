package io.miningos.gateway.domain.analytics.alerts;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts as the alert routes list them: each alert's own fields with the device it belongs to. The alert keeps
 * its own {@code code} (e.g. {@code max_pcb_temp_warning}, or a device error code); the device's code is
 * {@code deviceCode} (the Node gateway overwrote the alert's code with the device's).
 */
public final class AlertDocs {

    private static final List<String> ALERT_FIELDS = List.of("name", "code", "description", "severity", "createdAt",
            "uuid", "message");

    private AlertDocs() {
    }

    /**
     * Current alerts ({@code /auth/alerts/site}) from {@code listThings} answers of things with {@code last.alerts}:
     * the alert's fields as sent, then {@code id} and {@code deviceId} (the thing's id), {@code type} (its type),
     * {@code deviceCode} and {@code container}. A thing two ORKs report counts once.
     */
    public static List<Map<String, Object>> current(List<JsonView> answers) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> things = new HashSet<>();
        for (JsonView answer : answers) {
            for (JsonView thing : answer.items()) {
                String id = thing.get("id").asText();
                if (id == null || !things.add(id)) {
                    continue;
                }
                for (JsonView alert : thing.path("last.alerts").items()) {
                    if (!alert.isObject()) {
                        continue;
                    }
                    Map<String, Object> doc = new LinkedHashMap<>();
                    alert.fields().forEach((k, v) -> doc.put(k, v.raw()));
                    doc.put("id", id);
                    doc.put("deviceId", id);
                    putIfPresent(doc, "type", thing.get("type").asText());
                    putIfPresent(doc, "deviceCode", thing.get("code").asText());
                    putIfPresent(doc, "container", thing.path("info.container").asText());
                    out.add(doc);
                }
            }
        }
        return out;
    }

    /**
     * Past alerts ({@code /auth/alerts/history}) from {@code getHistoricalLogs {logType:"alerts"}} answers
     * (entries carry the device as {@code thing}): {@code name, code, description, severity, createdAt, uuid,
     * message, deviceId, deviceType, deviceCode, container, position, tags}, missing ones left out. An alert seen
     * twice (same {@code uuid}) counts once; alerts without a {@code uuid} are all kept.
     */
    public static List<Map<String, Object>> history(List<JsonView> answers) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> uuids = new LinkedHashSet<>();
        for (JsonView answer : answers) {
            for (JsonView entry : answer.items()) {
                if (!entry.isObject() || entry.get("uuid").asText() != null && !uuids.add(entry.get("uuid").asText())) {
                    continue;
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                for (String f : ALERT_FIELDS) {
                    putIfPresent(doc, f, entry.get(f).raw());
                }
                JsonView thing = entry.get("thing");
                putIfPresent(doc, "deviceId", thing.get("id").asText());
                putIfPresent(doc, "deviceType", thing.get("type").asText());
                putIfPresent(doc, "deviceCode", thing.get("code").asText());
                putIfPresent(doc, "container", thing.path("info.container").asText());
                putIfPresent(doc, "position", thing.path("info.pos").asText());
                if (thing.get("tags").isArray()) {
                    doc.put("tags", thing.get("tags").raw());
                }
                out.add(doc);
            }
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> doc, String key, Object value) {
        if (value != null) {
            doc.put(key, value);
        }
    }

    /** Counts by severity and in all. */
    public record Summary(int critical, int high, int medium, int low, int total) {
    }

    public static Summary summary(List<Map<String, Object>> alerts) {
        int[] c = new int[4];
        for (Map<String, Object> a : alerts) {
            switch (String.valueOf(a.get("severity"))) {
                case "critical" -> c[0]++;
                case "high" -> c[1]++;
                case "medium" -> c[2]++;
                case "low" -> c[3]++;
                default -> {
                }
            }
        }
        return new Summary(c[0], c[1], c[2], c[3], alerts.size());
    }
}
