package io.miningos.gateway.adapters.ork.sim.site;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** One rack worker: its id ({@code <type>-<name>}), registration type and the things it owns. */
public final class SimRack {
    private final String id;
    private final String type;
    private final ThingKind kind;
    private final String rpcPublicKey;
    /** Copy-on-write: long reads walk it without a lock while an action adds or removes a thing. */
    private final List<SimThing> things = new CopyOnWriteArrayList<>();
    /** Until when the rack process is restarting ({@code rackReboot}); it answers nothing meanwhile. */
    private final Timeline<Long> restartingUntil = new Timeline<>(Long.MIN_VALUE);

    public SimRack(String id, String type, ThingKind kind, String rpcPublicKey) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.rpcPublicKey = Objects.requireNonNull(rpcPublicKey, "rpcPublicKey");
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public ThingKind kind() {
        return kind;
    }

    public String rpcPublicKey() {
        return rpcPublicKey;
    }

    public List<SimThing> things() {
        return things;
    }

    /** Restarts the rack at {@code at} for {@code durationMs}. */
    public void restart(long at, long durationMs) {
        restartingUntil.set(at, at + durationMs);
    }

    /** Whether the rack process is down at {@code t} (calls to it fail and the ORK swallows that). */
    public boolean restarting(long t) {
        return t < restartingUntil.at(t);
    }

    /** {@code type === t || type.startsWith(t + "-")}: how the ORK picks racks for tail logs and configs. */
    public boolean ofType(String requested) {
        return type.equals(requested) || type.startsWith(requested + "-");
    }

    /**
     * Tags this rack keeps stat logs for: every thing tag except {@code id-}/{@code code-} (and for miners
     * {@code pos-}/{@code site-}).
     */
    public Set<String> statTags() {
        Set<String> tags = new LinkedHashSet<>();
        for (SimThing t : things) {
            for (String tag : t.tags()) {
                if (isStatTag(tag)) {
                    tags.add(tag);
                }
            }
        }
        return tags;
    }

    public boolean isStatTag(String tag) {
        if (tag.startsWith("id-") || tag.startsWith("code-")) {
            return false;
        }
        return kind != ThingKind.MINER || !(tag.startsWith("pos-") || tag.startsWith("site-"));
    }
}
