package io.miningos.gateway.adapters.ork.sim.live;

import java.util.List;

/**
 * The values a container reports at one poll.
 *
 * @param powerW total draw: miners + cooling + auxiliaries
 * @param status {@code running}, {@code stopped}, {@code error} or {@code offline}
 */
public record ContainerSample(String status, double powerW, double minersPowerW, double ambientC, double humidity,
                             double supplyC, double returnC, boolean coolingOn, double coolingLoad,
                             List<AlertCatalog.DeviceFault> faults, List<Alert> alerts) {

    public boolean offline() {
        return "offline".equals(status);
    }
}
