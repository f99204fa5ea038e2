package io.miningos.gateway.adapters.ork.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies of JSON values, so answers never share mutable state with the ORK's records. */
final class JsonCopy {
    private JsonCopy() {
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(T v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, copy(x)));
            return (T) out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(copy(x)));
            return (T) out;
        }
        return v;
    }
}
