package io.miningos.gateway.domain.analytics.devices;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LV cabinets ({@code /auth/cabinets}): power meters and temperature sensors grouped by the cabinet their
 * position names, the part of {@code info.pos} before the first {@code /} ({@code lv1/pm} → {@code lv1}); a
 * device without a position is a cabinet of its own (its id). Cabinets are listed in the order their first
 * device was seen: {@code {id, devices: [...], type: "cabinet"}}.
 */
public final class Cabinets {

    private Cabinets() {
    }

    public static List<Map<String, Object>> group(List<Map<String, Object>> things) {
        Map<String, List<Object>> byCabinet = new LinkedHashMap<>();
        for (Map<String, Object> thing : things) {
            JsonView t = JsonView.of(thing);
            String pos = t.path("info.pos").asText() != null ? t.path("info.pos").asText() : t.get("pos").asText();
            String root = pos == null ? "" : pos.split("/", -1)[0];
            if (root.isEmpty()) {
                root = t.get("id").asText() != null ? t.get("id").asText() : "unknown";
            }
            byCabinet.computeIfAbsent(root, r -> new ArrayList<>()).add(thing);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byCabinet.forEach((id, devices) -> {
            Map<String, Object> cabinet = new LinkedHashMap<>();
            cabinet.put("id", id);
            cabinet.put("devices", devices);
            cabinet.put("type", "cabinet");
            out.add(cabinet);
        });
        return out;
    }

    /** The cabinet {@code id}, or null. */
    public static Map<String, Object> find(List<Map<String, Object>> cabinets, String id) {
        for (Map<String, Object> c : cabinets) {
            if (c.get("id").equals(id)) {
                return c;
            }
        }
        return null;
    }
}
