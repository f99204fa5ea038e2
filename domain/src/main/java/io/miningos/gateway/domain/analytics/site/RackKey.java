package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.NaturalText;

import java.util.Objects;

/**
 * A PDU rack as the miner stats key it: {@code <container>_<rack>} (docs/ORK.md §4.2: the part of a miner's
 * {@code info.pos} before the first {@code _}), e.g. {@code group-3_rack-2} or {@code bitdeer-7b_1-2}. Containers
 * are named without {@code _}, so the key splits at its first one.
 */
public record RackKey(String container, String rack) implements Comparable<RackKey> {

    public RackKey {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(rack, "rack");
    }

    /** The key's parts, or null when it has no {@code _} with text on both sides. */
    public static RackKey parse(String key) {
        int underscore = key == null ? -1 : key.indexOf('_');
        if (underscore <= 0 || underscore == key.length() - 1) {
            return null;
        }
        return new RackKey(key.substring(0, underscore), key.substring(underscore + 1));
    }

    public String key() {
        return container + "_" + rack;
    }

    /** {@code Rack 2} for {@code rack-2}, {@code Rack 1-2} for a Bitdeer PDU {@code 1-2}. */
    public String displayName() {
        return "Rack " + (rack.startsWith("rack-") ? rack.substring("rack-".length()) : rack);
    }

    @Override
    public int compareTo(RackKey o) {
        int c = NaturalText.compare(container, o.container);
        return c != 0 ? c : NaturalText.compare(rack, o.rack);
    }
}
