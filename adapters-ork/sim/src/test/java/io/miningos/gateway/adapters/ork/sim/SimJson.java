package io.miningos.gateway.adapters.ork.sim;

import java.util.List;
import java.util.Map;

/** Reading the decoded JSON a simulated ORK answers, for tests. */
final class SimJson {

    private SimJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    static long longOf(Object o) {
        return ((Number) o).longValue();
    }
}
