package io.miningos.gateway.adapters.ork.sim.site;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One container with the miners in it, the transformer feeding it and the pool account its miners mine on. */
public final class ContainerSite {
    private final int index;
    private final String name;
    private final ContainerModel model;
    private final int transformer;
    private final PoolAccount pool;
    /** Copy-on-write: long reads walk it without a lock while an action adds or removes a thing. */
    private final List<SimThing> miners = new CopyOnWriteArrayList<>();
    private final ContainerControl control = new ContainerControl();
    private SimThing thing;

    public ContainerSite(int index, String name, ContainerModel model, int transformer, PoolAccount pool) {
        this.index = index;
        this.name = name;
        this.model = model;
        this.transformer = transformer;
        this.pool = pool;
    }

    public int index() {
        return index;
    }

    /** The container name used in {@code info.container} and {@code container-<name>} tags. */
    public String name() {
        return name;
    }

    public ContainerModel model() {
        return model;
    }

    public int transformer() {
        return transformer;
    }

    public PoolAccount pool() {
        return pool;
    }

    public List<SimThing> miners() {
        return miners;
    }

    public ContainerControl control() {
        return control;
    }

    public SimThing thing() {
        return thing;
    }

    void attach(SimThing containerThing) {
        this.thing = containerThing;
    }
}
