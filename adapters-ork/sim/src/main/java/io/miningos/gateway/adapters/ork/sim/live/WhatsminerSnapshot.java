package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.MinerModel;

/**
 * Whatsminer workers: numeric error codes as messages with an {@code are_all_errors_minor} flag (never set on
 * M63s), a frequency {@code target} and {@code miner_specific.upfreq_speed}.
 */
final class WhatsminerSnapshot extends ShortWindowSnapshot {

    WhatsminerSnapshot(long seed, ThingDocs docs) {
        super(seed, docs);
    }

    @Override
    String errorMessage(AlertCatalog.DeviceFault fault) {
        return "Error code " + fault.code();
    }

    @Override
    void errorFlags(Doc stats, MinerModel model, MinerSample s) {
        stats.put("are_all_errors_minor", s.faults().stream().allMatch(AlertCatalog.DeviceFault::minor)
                && model != MinerModel.WM_M63);
    }

    @Override
    void frequencyTarget(Doc freq, MinerSample s) {
        freq.put("target", Math.round(s.frequencyMhz()));
    }

    @Override
    void vendorStats(Doc stats, MinerSample s) {
        Doc specific = stats.child("miner_specific");
        if (specific != null) {
            specific.put("upfreq_speed", s.upfreqSpeed());
        }
    }
}
