package io.miningos.gateway.application.ork;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds ORK request payloads; absent (null) values are left out, as a JSON client leaves out undefined. */
public final class OrkPayload {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private OrkPayload() {
    }

    public static OrkPayload builder() {
        return new OrkPayload();
    }

    public OrkPayload put(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    public OrkPayload putAll(Map<String, ?> values) {
        values.forEach(this::put);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}
