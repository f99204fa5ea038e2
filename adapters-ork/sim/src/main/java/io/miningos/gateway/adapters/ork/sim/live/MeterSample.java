package io.miningos.gateway.adapters.ork.sim.live;

/** A power meter reading; {@code voltageV} is line-to-line (LV meters) or the medium voltage (site relay). */
public record MeterSample(boolean offline, double powerW, double voltageV) {
}
