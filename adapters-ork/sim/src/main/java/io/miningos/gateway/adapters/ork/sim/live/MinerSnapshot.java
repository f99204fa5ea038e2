package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.MinerModel;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A miner's {@code last.snap} as its rack worker shapes it. This class writes what every miner
 * worker reports; a subclass per worker family ({@link AntminerSnapshot}, {@link WhatsminerSnapshot},
 * {@link AvalonSnapshot}) fills in where the families differ: error texts, the hashrate windows, frequency target,
 * temperature layout, network fields and vendor extras.
 */
abstract class MinerSnapshot {

    private final long seed;
    private final ThingDocs docs;

    MinerSnapshot(long seed, ThingDocs docs) {
        this.seed = seed;
        this.docs = docs;
    }

    /** Seeded per-minute noise of one miner: {@code v} scaled by {@code 1 + sigma * gauss}. */
    final double noisy(double v, double sigma, long salt, long minute, int stream) {
        return v * (1 + sigma * Noise.gauss(Noise.hash(seed, salt, minute, stream)));
    }

    final double gauss(long salt, long minute, int stream) {
        return Noise.gauss(Noise.hash(seed, salt, minute, stream));
    }

    /** The {@code message} of a device error. */
    abstract String errorMessage(AlertCatalog.DeviceFault fault);

    /** Flags written next to {@code stats.errors}. */
    void errorFlags(Doc stats, MinerModel model, MinerSample s) {
    }

    /** {@code hashrate_mhs} after {@code avg} and {@code t_5s}: the windows the firmware reports. */
    abstract void hashrateWindows(Doc hr, double mhs, long salt, long minute);

    /** Extra fields of {@code frequency_mhz} after {@code avg}. */
    void frequencyTarget(Doc freq, MinerSample s) {
    }

    /** One chip-temperature element of board {@code index} ({@code max}, {@code min}?, {@code avg}). */
    abstract Map<String, Object> chipTemperature(int index, double boardAvg);

    /** The board-level temperature arrays after {@code chips}. */
    abstract void boardTemperatures(Doc temp, double pcbMax, double[] boardAvg);

    /** Vendor extras under {@code stats}. */
    void vendorStats(Doc stats, MinerSample s) {
    }

    /** Gateway and DNS fields of {@code network_config}, between {@code ip_address} and {@code ip_netmask}. */
    void gateway(Doc net, String ip) {
    }

    final void write(Doc snap, SimThing thing, ThingRole.Miner role, MinerSample s, long t) {
        if (s.offline()) {
            ThingDocs.offlineSnap(snap);
            return;
        }
        MinerModel model = role.model();
        long salt = thing.index();
        long minute = Math.floorDiv(t, LiveSite.MINUTE);
        List<Object> errors = new ArrayList<>();
        for (AlertCatalog.DeviceFault f : s.faults()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", f.name());
            e.put("message", errorMessage(f));
            e.put("code", f.code());
            errors.add(e);
        }
        snap.put("success", true);
        snap.put("raw_errors", errors);
        Doc stats = snap.child("stats");
        if (stats != null) {
            writeStats(stats, thing, role, s, t, errors, salt, minute);
        }
        Doc config = snap.child("config");
        if (config != null) {
            writeConfig(config, thing, role, s, t);
        }
    }

    private void writeStats(Doc stats, SimThing thing, ThingRole.Miner role, MinerSample s, long t,
                            List<Object> errors, long salt, long minute) {
        MinerModel model = role.model();
        stats.put("status", s.status().json());
        if (!errors.isEmpty()) {
            stats.put("errors", errors);
            errorFlags(stats, model, s);
        }
        stats.put("power_w", Math.round(s.powerW()));
        if (model.reportsEfficiency()) {
            double eff = Noise.round(s.efficiency(), 2);
            stats.put("efficiency_w_ths", model.efficiencyAsString() ? String.format(Locale.ROOT, "%.2f", eff)
                    : eff);
        }
        stats.put("nominal_efficiency_w_ths", model.nominalEfficiency());
        stats.put("uptime_ms", Math.max(0, t - s.bootTs()));
        if (stats.wants("all_pools_shares")) {
            Map<String, Object> shares = new LinkedHashMap<>();
            shares.put("accepted", s.sharesAccepted());
            shares.put("rejected", s.sharesRejected());
            shares.put("stale", s.sharesStale());
            stats.put("all_pools_shares", shares);
        }
        if (stats.wants("pool_status")) {
            List<Object> status = new ArrayList<>();
            List<String[]> pools = docs.pools(thing, role, t);
            long minutesUp = Math.max(0, (t - s.bootTs()) / LiveSite.MINUTE);
            for (int i = 0; i < pools.size(); i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("pool", pools.get(i)[0]);
                p.put("accepted", i == 0 ? s.sharesAccepted() * minutesUp : 0);
                p.put("rejected", i == 0 ? minutesUp / 30 : 0);
                p.put("stale", i == 0 ? minutesUp / 90 : 0);
                status.add(p);
            }
            stats.put("pool_status", status);
        }
        Doc hr = stats.child("hashrate_mhs");
        if (hr != null) {
            double h = s.hashrateMhs();
            hr.put("avg", Noise.round(noisy(h, 0.003, salt, minute, 11), 2));
            hr.put("t_5s", Noise.round(noisy(h, 0.02, salt, minute, 12), 2));
            hashrateWindows(hr, h, salt, minute);
        }
        Doc freq = stats.child("frequency_mhz");
        if (freq != null) {
            freq.put("avg", Noise.round(s.frequencyMhz(), 2));
            frequencyTarget(freq, s);
            if (freq.wants("chips")) {
                List<Object> chips = new ArrayList<>();
                for (int b = 0; b < 3; b++) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("index", b);
                    c.put("current", Noise.round(noisy(s.frequencyMhz(), 0.003, salt, minute, 30 + b), 1));
                    chips.add(c);
                }
                freq.put("chips", chips);
            }
        }
        Doc temp = stats.child("temperature_c");
        if (temp != null) {
            temp.put("ambient", Noise.round(s.ambientC(), 2));
            temp.put("max", Noise.round(s.chipMaxC(), 2));
            temp.put("avg", Noise.round(s.chipAvgC(), 2));
            double[] boardAvg = new double[3];
            for (int b = 0; b < 3; b++) {
                boardAvg[b] = s.chipAvgC() + 1.5 * gauss(salt, minute, 40 + b);
            }
            if (temp.wants("chips")) {
                List<Object> chips = new ArrayList<>();
                for (int b = 0; b < 3; b++) {
                    chips.add(chipTemperature(b, boardAvg[b]));
                }
                temp.put("chips", chips);
            }
            boardTemperatures(temp, s.pcbMaxC(), boardAvg);
        }
        vendorStats(stats, s);
    }

    private void writeConfig(Doc config, SimThing thing, ThingRole.Miner role, MinerSample s, long t) {
        Doc net = config.child("network_config");
        if (net != null) {
            String ip = String.valueOf(thing.connection().get("address"));
            net.put("mode", "dhcp");
            net.put("ip_address", ip);
            gateway(net, ip);
            net.put("ip_netmask", "255.255.255.0");
        }
        if (config.wants("pool_config")) {
            List<Object> pc = new ArrayList<>();
            for (String[] p : docs.pools(thing, role, t)) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("url", p[0]);
                e.put("username", p[1]);
                pc.add(e);
            }
            config.put("pool_config", pc);
        }
        config.put("power_mode", s.powerMode());
        config.put("suspended", s.status() == MinerSample.MinerStatus.SLEEPING);
        config.put("led_status", s.ledOn());
        config.put("firmware_ver", role.model().firmware());
    }
}
