package io.miningos.gateway.domain.analytics.devices;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clean field names of the miner list ({@code /auth/miners}) and the thing paths behind them: clients filter,
 * sort and project with {@code status}, {@code hashrate}, {@code container}... and the ORK is asked with
 * {@code last.snap.stats.status}, {@code last.snap.stats.hashrate_mhs}, {@code info.container}... A name that is
 * not clean passes through as a path.
 */
public final class MinerFields {

    public static final String FIELDS_INVALID = "ERR_FIELDS_INVALID";

    /** Clean name → thing path (what a filter or sort on the name means). */
    public static final Map<String, String> PATHS;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("status", "last.snap.stats.status");
        p.put("hashrate", "last.snap.stats.hashrate_mhs");
        p.put("power", "last.snap.stats.power_w");
        p.put("efficiency", "last.snap.stats.efficiency_w_ths");
        p.put("temperature", "last.snap.stats.temperature_c");
        p.put("uptime", "last.snap.stats.uptime_ms");
        p.put("powerMode", "last.snap.config.power_mode");
        p.put("firmware", "last.snap.config.firmware_ver");
        p.put("model", "last.snap.model");
        p.put("ip", "address");
        p.put("container", "info.container");
        p.put("position", "info.pos");
        p.put("rack", "rack");
        p.put("serialNum", "info.serialNum");
        p.put("macAddress", "info.macAddress");
        p.put("pool", "last.snap.config.pool_config.url");
        p.put("led", "last.snap.config.led_status");
        p.put("ledStatus", "last.snap.config.led_status");
        p.put("poolConfig", "info.poolConfig");
        p.put("alerts", "last.alerts");
        p.put("lastSeen", "last.ts");
        PATHS = java.util.Collections.unmodifiableMap(p);
    }

    /** The fields of the miner view, in order. */
    public static final List<String> VIEW = List.of("id", "type", "model", "code", "ip", "container", "rack",
            "position", "status", "hashrate", "power", "temperature", "efficiency", "uptime", "firmware", "powerMode",
            "ledStatus", "poolConfig", "pools", "alerts", "comments", "serialNum", "macAddress", "lastSeen");

    private MinerFields() {
    }

    /** A path for a name: the clean name's path, or the name itself. */
    public static String path(String name) {
        return PATHS.getOrDefault(name, name);
    }

    /**
     * A client filter with clean names replaced by paths: top-level keys and the keys inside {@code $and},
     * {@code $or}, {@code $nor} arrays; operator values ({@code $in}, {@code $not}, {@code $elemMatch}...) are
     * left as they are.
     */
    public static Object mapFilter(Object filter) {
        if (filter instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                    List<Object> parts = new ArrayList<>();
                    if (e.getValue() instanceof List<?> list) {
                        list.forEach(item -> parts.add(mapFilter(item)));
                    }
                    out.put(key, parts);
                } else {
                    out.put(key.startsWith("$") ? key : path(key), e.getValue());
                }
            }
            return out;
        }
        return filter;
    }

    /**
     * The projection for a {@code fields} request ({@code {"hashrate": 1, ...}}): the paths of the asked names
     * plus {@code id} and {@code code}; null asks for the whole miner view. A value other than {@code 1} or a
     * name longer than 200 characters is {@code ERR_FIELDS_INVALID}.
     */
    public static Map<String, Object> projection(Map<String, Object> fields) {
        List<String> names = fields == null ? VIEW : new ArrayList<>();
        if (fields != null) {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (!(e.getValue() instanceof Number n) || n.doubleValue() != 1 || e.getKey().length() > 200) {
                    throw DomainException.invalid(FIELDS_INVALID);
                }
                names.add(e.getKey());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", 1);
        out.put("code", 1);
        for (String name : names) {
            switch (name) {
                case "model" -> {
                    out.put("last.snap.model", 1);
                    out.put("type", 1);
                }
                case "pools" -> out.put("last.snap.config.pool_config", 1);
                case "lastSeen" -> out.put("last.ts", 1);
                default -> out.put(path(name), 1);
            }
        }
        return out;
    }

    /**
     * A thing as the miner list shows it: every name of {@link #VIEW} the thing has (a missing value is left
     * out, never made up), or only {@code asked} names (plus {@code id}). {@code hashrate} is the device's
     * {@code hashrate_mhs} object (MH/s per window), {@code power} W, {@code temperature} the °C object,
     * {@code efficiency} W/TH/s, {@code uptime} ms, {@code ip} the device address, {@code pools} the device's pool
     * list, {@code lastSeen} when the rack last polled it (ms).
     */
    public static Map<String, Object> view(Map<String, Object> thing, List<String> asked) {
        JsonView t = JsonView.of(thing);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : VIEW) {
            if (asked != null && !asked.contains(name) && !name.equals("id")) {
                continue;
            }
            String at = switch (name) {
                case "model" -> t.path("last.snap.model").isMissing() ? "type" : "last.snap.model";
                case "pools" -> "last.snap.config.pool_config";
                case "id", "type", "code", "comments" -> name;
                default -> path(name);
            };
            int dot = at.lastIndexOf('.');
            JsonView parent = dot < 0 ? t : t.path(at.substring(0, dot));
            String field = at.substring(dot + 1);
            if (parent.has(field)) { // a field set to null (e.g. no alerts) is shown as null
                out.put(name, parent.get(field).raw());
            }
        }
        return out;
    }
}
