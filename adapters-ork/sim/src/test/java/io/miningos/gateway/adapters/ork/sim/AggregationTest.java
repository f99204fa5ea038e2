package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.stats.AggregationSpec;
import io.miningos.gateway.adapters.ork.sim.stats.Aggregator;
import io.miningos.gateway.adapters.ork.sim.stats.GroupRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AggregationTest {

    private static Map<String, Object> entry(long ts, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", ts);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void opsFollowTheOrkSemantics() {
        Map<String, AggregationSpec.Op> spec = new LinkedHashMap<>();
        spec.put("s", new AggregationSpec.Op("sum", "a"));
        spec.put("m", new AggregationSpec.Op("avg", "a"));
        spec.put("o", new AggregationSpec.Op("obj_concat", "g"));
        spec.put("l", new AggregationSpec.Op("arr_concat", "x"));
        spec.put("alerts", new AggregationSpec.Op("alerts_aggr", "al"));
        List<Map<String, Object>> group = List.of(
                entry(1, "a", 10, "g", Map.of("c1", 2, "state", "running"), "x", List.of(1), "al", Map.of("high", 1)),
                entry(1, "g", Map.of("c1", 3, "c2", 1), "x", List.of(2, 3), "al", Map.of("high", 2, "medium", 1)));
        Map<String, Object> out = Aggregator.reduce(spec, group);
        assertEquals(10L, out.get("s"));
        assertEquals(5L, out.get("m"), "avg counts a missing value as 0");
        assertEquals(Map.of("c1", 5L, "c2", 1, "state", "running"), out.get("o"));
        assertEquals(List.of(1, 2, 3), out.get("l"));
        assertEquals(Map.of("high", 3L, "medium", 1), out.get("alerts"));
        assertEquals(1, Aggregator.intervals(group));
        assertEquals(Map.of("s", 0L), Aggregator.reduce(Map.of("s", new AggregationSpec.Op("sum", "a")), List.of()));
    }

    @Test
    void groupRangeBucketsIntoUtcWindowsWithStringTs() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            entries.add(entry(i * 1_800_000L, "v", 2, "g", Map.of("k", 1), "status", "ok"));
        }
        assertEquals(3_600_000L, GroupRange.lengthMs("1H"));
        assertEquals(-1, GroupRange.lengthMs("1Y"));
        List<Map<String, Object>> summed = GroupRange.apply(entries, 3_600_000L, false);
        assertEquals(3, summed.size());
        assertEquals("7200000-10799999", summed.get(0).get("ts"));
        assertEquals(4L, summed.get(0).get("v"));
        assertEquals(Map.of("k", 2L), summed.get(0).get("g"));
        assertEquals("ok", summed.get(0).get("status"));
        assertEquals(2L, GroupRange.apply(entries, 3_600_000L, true).get(0).get("v"));
        List<Map<String, Object>> single = GroupRange.apply(entries.subList(0, 1), 86_400_000L, false);
        assertEquals("0-86399999", single.get(0).get("ts"));
        assertEquals(2, single.get(0).get("v"));
    }
}
