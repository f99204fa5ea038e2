package io.miningos.gateway.adapters.ork.sim.live;

/** Avalon workers: the short hashrate windows and board layout, plain error descriptions, no vendor extras. */
final class AvalonSnapshot extends ShortWindowSnapshot {

    AvalonSnapshot(long seed, ThingDocs docs) {
        super(seed, docs);
    }

    @Override
    String errorMessage(AlertCatalog.DeviceFault fault) {
        return fault.description();
    }
}
