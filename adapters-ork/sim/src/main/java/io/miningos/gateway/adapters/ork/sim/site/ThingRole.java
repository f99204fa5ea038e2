package io.miningos.gateway.adapters.ork.sim.site;

/** What a thing is on the site, with the fixed facts its live values are computed from. */
public sealed interface ThingRole {

    /**
     * A miner; {@code container} is null for a miner pulled into maintenance. {@code connected} is false for a
     * miner registered through {@code registerThing}: its rack has no controller for it, so it never reports.
     */
    record Miner(MinerModel model, ContainerSite container, String pos, double quality, MinerControl control,
                 boolean connected) implements ThingRole {
    }

    record Container(ContainerSite site) implements ThingRole {
    }

    /** A power meter measuring the whole site, one transformer, or one container. */
    record Meter(MeterScope scope, int transformer, ContainerSite container) implements ThingRole {
    }

    /** A temperature sensor in a transformer (oil) or an LV cabinet. */
    record Sensor(boolean transformerOil, int transformer) implements ThingRole {
    }

    /** A spare part on an inventory rack ({@code psu}, {@code hashboard}, {@code controller}) for a miner brand. */
    record Part(String partType, String brandKey) implements ThingRole {
    }

    enum MeterScope { SITE, TRANSFORMER, CONTAINER }
}
