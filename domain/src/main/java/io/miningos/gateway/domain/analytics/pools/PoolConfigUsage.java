package io.miningos.gateway.domain.analytics.pools;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which things use which ORK-stored pool config ({@code info.poolConfig}), across every ORK (the Node gateway
 * counted the first ORK's answer only): per config how many containers and miners use it ({@code /auth/configs/
 * pool}), and per container how many of its devices override the container's config ({@code /auth/pools/config/
 * :id}, {@code /auth/pools/stats/containers}).
 */
public final class PoolConfigUsage {

    private PoolConfigUsage() {
    }

    /** A thing as far as pool configs go; {@code container} is its {@code info.container}. */
    public record ThingConfig(String id, Kind kind, String container, String poolConfig) {
        public ThingConfig {
            Objects.requireNonNull(kind, "kind");
        }

        /** Reads a {@code listThings} element; null when it has no id. */
        public static ThingConfig read(JsonView thing) {
            String id = thing.get("id").asText();
            if (id == null) {
                return null;
            }
            String type = thing.get("type").asText();
            String rack = thing.get("rack").asText();
            String marker = type != null ? type : rack == null ? "" : rack;
            Kind kind = marker.startsWith("miner") ? Kind.MINER : marker.startsWith("container") ? Kind.CONTAINER
                    : Kind.OTHER;
            return new ThingConfig(id, kind, thing.path("info.container").asText(),
                    thing.path("info.poolConfig").asText());
        }
    }

    public enum Kind { MINER, CONTAINER, OTHER }

    /** How many containers and miners use one config. */
    public record Usage(int containers, int miners) {
    }

    /** Per container: how many of its devices use another config than the container's. */
    public record ContainerOverrides(String container, int overriddenConfig) {
    }

    /** Every thing of every ORK answer ({@code listThings} arrays), each id once. */
    public static List<ThingConfig> read(List<JsonView> answers) {
        List<ThingConfig> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonView answer : answers) {
            for (JsonView thing : answer.items()) {
                ThingConfig t = ThingConfig.read(thing);
                if (t != null && seen.add(t.id())) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Config id → its users, for each of {@code configIds} (configs nobody uses count 0). */
    public static Map<String, Usage> byConfig(List<String> configIds, List<ThingConfig> things) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        configIds.forEach(id -> counts.put(id, new int[2]));
        for (ThingConfig t : things) {
            int[] c = t.poolConfig() == null ? null : counts.get(t.poolConfig());
            if (c != null && t.kind() == Kind.CONTAINER) {
                c[0]++;
            } else if (c != null && t.kind() == Kind.MINER) {
                c[1]++;
            }
        }
        Map<String, Usage> out = new LinkedHashMap<>();
        counts.forEach((id, c) -> out.put(id, new Usage(c[0], c[1])));
        return out;
    }

    /**
     * Devices of {@code container} whose config is set and differs from {@code containerConfig} (with no
     * container config, every device with a config of its own overrides nothing: 0).
     */
    public static int overriddenIn(String container, String containerConfig, List<ThingConfig> things) {
        if (containerConfig == null || container == null) {
            return 0;
        }
        int n = 0;
        for (ThingConfig t : things) {
            if (t.kind() != Kind.CONTAINER && container.equals(t.container()) && t.poolConfig() != null
                    && !t.poolConfig().equals(containerConfig)) {
                n++;
            }
        }
        return n;
    }

    /** For every container thing, in order: its overrides. */
    public static List<ContainerOverrides> containers(List<ThingConfig> things) {
        List<ContainerOverrides> out = new ArrayList<>();
        for (ThingConfig t : things) {
            if (t.kind() == Kind.CONTAINER && t.container() != null) {
                out.add(new ContainerOverrides(t.container(), overriddenIn(t.container(), t.poolConfig(), things)));
            }
        }
        return out;
    }
}
