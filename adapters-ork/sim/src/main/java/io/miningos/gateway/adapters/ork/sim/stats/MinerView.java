package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.Alert;
import io.miningos.gateway.adapters.ork.sim.live.MinerSample;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.List;

/**
 * One miner as its rack's stats see it at a tick: the sample and every value the miner stat definitions read,
 * worked out once. An offline miner reports no hashrate, power or efficiency; "maintenance" means
 * {@code info.container = maintenance}.
 */
public final class MinerView {
    final SimThing thing;
    final MinerSample sample;
    final MinerSample.MinerStatus status;
    /** The rack has a snapshot of it (a registered but never reached miner has none). */
    final boolean hasSnap;
    /** Counted as an {@code error_snap} alert: the real-time pass and no snapshot. */
    final boolean missingSnapAlert;
    final boolean offline;
    final boolean maint;
    final boolean hasErrors;
    final double hash;
    final double power;
    final double eff;
    /** Power mode while not offline, else null. */
    final String mode;
    final String container;
    final String type;
    /** {@code <container>_<pos before the first "_">}, the PDU-rack group, or null. */
    final String pdu;
    /** Milliseconds since boot at the sample, 0 when offline. */
    final double uptime;

    MinerView(SimThing thing, MinerSample sample, long sampledAt, boolean realTime) {
        this.thing = thing;
        this.sample = sample;
        this.status = sample.status();
        this.hasSnap = ((ThingRole.Miner) thing.role()).connected();
        this.missingSnapAlert = realTime && !hasSnap;
        this.offline = sample.offline();
        this.maint = thing.inMaintenance();
        this.hasErrors = !sample.faults().isEmpty();
        this.hash = offline ? 0 : sample.hashrateMhs();
        this.power = offline ? 0 : sample.powerW();
        this.eff = offline || !thing.minerModel().reportsEfficiency() ? 0 : Noise.round(sample.efficiency(), 2);
        this.mode = offline ? null : sample.powerMode();
        this.container = thing.container();
        this.type = thing.type();
        this.pdu = thing.pduRack();
        this.uptime = offline ? 0 : Math.max(0, sampledAt - sample.bootTs());
    }

    boolean mining() {
        return status == MinerSample.MinerStatus.MINING;
    }

    boolean sleeping() {
        return status == MinerSample.MinerStatus.SLEEPING;
    }

    /** Mining in this power mode ({@code normal} also takes any mode other than low and high). */
    boolean miningIn(String powerMode) {
        return mining() && mode != null && powerMode.equals(bucket(mode));
    }

    /** Has device errors while hashing, in this power mode. */
    boolean erroringIn(String powerMode) {
        return hasErrors && hash > 0 && mode != null && powerMode.equals(bucket(mode));
    }

    private static String bucket(String mode) {
        return mode.equals("low") || mode.equals("high") ? mode : "normal";
    }

    double nominalHashrate() {
        return StatNumbers.of(thing.info().get("nominalHashrateMhs"));
    }

    double nominalEfficiency() {
        return offline ? 0 : thing.minerModel().nominalEfficiency();
    }

    String inventory(String field) {
        return thing.info().get(field) instanceof String s ? s : null;
    }

    /** {@code <container>-<pos>}: the key of the per-device M63 groups. */
    String device() {
        return container + "-" + thing.pos();
    }

    List<Alert> alerts() {
        return sample.alerts();
    }
}
