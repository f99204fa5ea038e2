package io.miningos.gateway.adapters.ork.sim.live;

import java.util.List;

/** A temperature sensor reading; 850.0 means a faulty probe. */
public record SensorSample(String status, double tempC, List<Alert> alerts) {
}
