package io.miningos.gateway.adapters.ork.sim.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generated site behind one simulated ORK. Immutable in shape; things' mutable parts change under lock. */
public final class Site {
    private final long seed;
    private final String name;
    private final String tag;
    private final long commissionedAt;
    private final List<SimRack> racks;
    private final List<ContainerSite> containers;
    private final List<PoolAccount> pools;
    private final int transformers;
    private final Map<String, SimThing> thingsById = new LinkedHashMap<>();
    private final Map<String, SimRack> racksById = new LinkedHashMap<>();

    public Site(long seed, String name, String tag, long commissionedAt, List<SimRack> racks,
                List<ContainerSite> containers, List<PoolAccount> pools, int transformers) {
        this.seed = seed;
        this.name = name;
        this.tag = tag;
        this.commissionedAt = commissionedAt;
        this.racks = List.copyOf(racks);
        this.containers = List.copyOf(containers);
        this.pools = List.copyOf(pools);
        this.transformers = transformers;
        for (SimRack rack : racks) {
            racksById.put(rack.id(), rack);
            for (SimThing t : rack.things()) {
                thingsById.put(t.id(), t);
            }
        }
    }

    public long seed() {
        return seed;
    }

    /** Site name as used in {@code site-<name>} tags and {@code info.site}. */
    public String name() {
        return name;
    }

    /** Short seed-derived token inside rack ids and container names, so two ORKs never share ids. */
    public String tag() {
        return tag;
    }

    /** Nothing existed before this instant: stat logs and history start here. */
    public long commissionedAt() {
        return commissionedAt;
    }

    /** Thing racks first, then pool racks, then the mempool and electricity racks, in a stable order. */
    public List<SimRack> racks() {
        return racks;
    }

    public SimRack rack(String id) {
        return racksById.get(id);
    }

    public List<ContainerSite> containers() {
        return containers;
    }

    public List<PoolAccount> pools() {
        return pools;
    }

    public int transformers() {
        return transformers;
    }

    public SimThing thing(String id) {
        return thingsById.get(id);
    }

    public Map<String, SimThing> things() {
        return Collections.unmodifiableMap(thingsById);
    }

    public int thingCount() {
        return thingsById.size();
    }

    /** The index the next added thing gets (indices salt each thing's noise). */
    public int nextIndex() {
        return thingsById.values().stream().mapToInt(SimThing::index).max().orElse(-1) + 1;
    }

    /** Adds a thing registered at run time to its rack. */
    public void add(SimThing thing) {
        racksById.get(thing.rackId()).things().add(thing);
        thingsById.put(thing.id(), thing);
    }

    /** Removes a thing ({@code forgetThings}); it leaves its rack and, for a miner, its container. */
    public void remove(SimThing thing) {
        racksById.get(thing.rackId()).things().remove(thing);
        thingsById.remove(thing.id());
        if (thing.role() instanceof ThingRole.Miner m && m.container() != null) {
            m.container().miners().remove(thing);
        }
    }
}
