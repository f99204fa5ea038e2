package io.miningos.gateway.application.analytics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Rounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The DCS thing's live equipment lists ({@code last.snap.stats.dcs_specific.equipment.<list>}, each element
 * {@code {equipment: <tag>, ...}}) and the readers the cooling and energy views share (API-NEXT-analytics §2.7
 * H-SENSOR): a {@link #reading} is a sensor's {@code {value, unit}} as the DCS reports it (the gateway converts no
 * unit), a {@link #sensor} the tag, type and reading, a {@link #pump} the pump as the views show it. Wrong shapes
 * read as missing: nothing here throws on what the DCS sends.
 */
final class DcsEquipment {

    private final JsonView equipment;

    DcsEquipment(JsonView snap) {
        this.equipment = snap.path("stats.dcs_specific.equipment");
    }

    /** The elements of one list ({@code pumps}, {@code temperatures}...), objects only. */
    List<JsonView> list(String name) {
        return equipment.get(name).items().stream().filter(JsonView::isObject).toList();
    }

    /** The element of {@code list} whose {@code equipment} is {@code tag}, or missing. */
    JsonView find(String list, String tag) {
        if (tag == null) {
            return JsonView.of(null);
        }
        for (JsonView e : list(list)) {
            if (tag.equals(e.get("equipment").asText())) {
                return e;
            }
        }
        return JsonView.of(null);
    }

    /** {@code {value, unit}} of the tagged element when it has a value, else {@code fallback} (a raw value or null). */
    Object reading(String list, String tag, Object fallback) {
        if (tag == null) {
            return fallback;
        }
        JsonView found = find(list, tag);
        return hasValue(found) ? valueOf(found) : fallback;
    }

    Object reading(String list, String tag) {
        return reading(list, tag, null);
    }

    /**
     * {@code {tag, type, reading}} of a configured sensor (reading: its value, else {@code fallback}); null without a
     * tag.
     */
    Map<String, Object> sensor(String list, String tag, Object fallback) {
        if (tag == null) {
            return null;
        }
        JsonView found = find(list, tag);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tag", tag);
        out.put("type", found.get("type").raw());
        out.put("reading", hasValue(found) ? valueOf(found) : fallback);
        return out;
    }

    Map<String, Object> sensor(String list, String tag) {
        return sensor(list, tag, null);
    }

    /** {@code {tag, state}} of a vibration switch; null without a tag. */
    Map<String, Object> vibrationSwitch(String tag) {
        if (tag == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tag", tag);
        out.put("state", find("vibration_switches", tag).get("state").raw());
        return out;
    }

    /** The pumps of one circuit ({@code MINER_LOOP}, {@code COOLING_TOWER}, {@code HVAC_RETURN}...) as shown. */
    List<Object> pumps(String circuit) {
        List<Object> out = new ArrayList<>();
        for (JsonView p : list("pumps")) {
            if (circuit.equals(p.get("circuit").asText())) {
                out.add(pump(p));
            }
        }
        return out;
    }

    /** Pumps running ({@code fbk_run_out}) of all circuits. */
    long pumpsRunning() {
        return list("pumps").stream().filter(p -> p.get("fbk_run_out").isTruthy()).count();
    }

    static Map<String, Object> pump(JsonView p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.get("equipment").raw());
        out.put("name", p.get("equipment").raw());
        putPresent(out, "label", p.get("label"));
        putPresent(out, "status", p.get("status"));
        out.put("is_running", p.get("fbk_run_out").isTruthy());
        putPresent(out, "speed", p.get("speed"));
        putPresent(out, "current", p.get("current"));
        out.put("has_fault", p.get("trip").isTruthy());
        out.put("has_interlock", p.get("intlock").isTruthy());
        return out;
    }

    /** The value of a {@code {value, unit}} object (a reading, or a field such as {@code position}); null otherwise. */
    static Double number(Object reading) {
        return JsonView.of(reading).get("value").asDouble();
    }

    static String unit(Object reading) {
        return JsonView.of(reading).get("unit").asText();
    }

    /**
     * {@code {value, unit}} with {@code value} rounded to {@code places} and written as short as it is
     * ({@code 384}, not {@code 384.0}, as the DCS and the Node gateway write numbers); null when the value is.
     */
    static Map<String, Object> measure(Double value, int places, String unit) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", BigDecimal.valueOf(Rounding.places(value, places)).stripTrailingZeros());
        out.put("unit", unit);
        return out;
    }

    /** The mean of the non-null values; null when there are none. */
    static Double mean(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().mapToDouble(Double::doubleValue).sum() / known.size();
    }

    static Double difference(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    /** The first value that is JavaScript-truthy, else null (the Node gateway's {@code a || b || null}). */
    static Object either(JsonView... values) {
        return Arrays.stream(values).filter(JsonView::isTruthy).findFirst().map(JsonView::raw).orElse(null);
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static boolean hasValue(JsonView element) {
        return element.isObject() && element.get("value").raw() != null;
    }

    private static Map<String, Object> valueOf(JsonView element) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", element.get("value").raw());
        putPresent(out, "unit", element.get("unit"));
        return out;
    }

    static void putPresent(Map<String, Object> out, String key, JsonView value) {
        if (!value.isMissing()) {
            out.put(key, value.raw());
        }
    }

    /** A list without its nulls. */
    @SafeVarargs
    static <T> List<T> present(T... items) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }
}
