package io.miningos.gateway.adapters.ork.sim.site;

/** Miner makers: their type segment and the brand tag their racks add to every thing. */
public enum Brand {
    ANTMINER("am", "antminer", 80),
    WHATSMINER("wm", "whatsminer", 4028),
    AVALON("av", "avalon", 4028);

    private final String typeSegment;
    private final String tag;
    private final int port;

    Brand(String typeSegment, String tag, int port) {
        this.typeSegment = typeSegment;
        this.tag = tag;
        this.port = port;
    }

    public String typeSegment() {
        return typeSegment;
    }

    public String tag() {
        return tag;
    }

    public int port() {
        return port;
    }
}
