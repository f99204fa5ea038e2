package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Brand;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.MinerModel;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.PoolAccount;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns things and their samples into the JSON records a real rack holds: the internal record (with
 * {@code opts} and {@code last}) that filters and projections run on, and the {@code last} status object with a
 * snapshot shaped like the real device worker's.
 */
public final class ThingDocs {

    private final LiveSite live;
    private final long seed;

    public ThingDocs(LiveSite live) {
        this.live = live;
        this.seed = live.site().seed();
    }

    /**
     * The rack's internal record of a thing: {@code id, code, type, tags, info, opts, comments, last}, built as
     * far as {@code selection} needs. {@code last} is included only when {@code withLast} is set.
     */
    public Map<String, Object> record(SimThing thing, Selection selection, long now, boolean withLast) {
        Doc d = new Doc(selection);
        d.put("id", thing.id());
        d.put("code", thing.code());
        d.put("type", thing.type());
        d.put("tags", thing.tags());
        d.put("info", thing.info());
        if (d.wants("opts")) {
            d.put("opts", new LinkedHashMap<>(thing.opts()));
        }
        if (d.wants("comments")) {
            List<Object> comments = new ArrayList<>();
            thing.comments().forEach(c -> comments.add(new LinkedHashMap<>(c)));
            d.put("comments", comments);
        }
        if (withLast) {
            Doc last = d.child("last");
            if (last != null) {
                writeLast(last, thing, now);
            }
        }
        return d.map;
    }

    /** The {@code last} object of a thing as polled at or before {@code now}. */
    public Map<String, Object> last(SimThing thing, long now) {
        Doc d = new Doc(Selection.ALL);
        writeLast(d, thing, now);
        return d.map;
    }

    private void writeLast(Doc last, SimThing thing, long now) {
        long t = live.sampleInstant(thing, now);
        long ts = t + live.pollPhase(thing);
        Doc snap = last.child("snap");
        List<Alert> alerts;
        if (thing.role() instanceof ThingRole.Miner m && !m.connected()) {
            // registered but never reached: the rack has no snapshot, only the connection error
            last.put("snap", null);
            last.put("alerts", null);
            last.put("err", "ERR_THING_CONNECTION_FAILURE");
            last.put("ts", ts);
            return;
        }
        switch (thing.role()) {
            case ThingRole.Miner m -> {
                MinerSample s = live.miner(thing, t);
                alerts = s.alerts();
                if (snap != null) {
                    minerSnap(snap, thing, m, s, t);
                }
            }
            case ThingRole.Container c -> {
                ContainerSample s = live.container(c.site(), t);
                alerts = s.alerts();
                if (snap != null) {
                    containerSnap(snap, c.site(), s, t);
                }
            }
            case ThingRole.Meter m -> {
                MeterSample s = live.meter(thing, t);
                alerts = null;
                if (snap != null) {
                    meterSnap(snap, thing, s);
                }
            }
            case ThingRole.Sensor s -> {
                SensorSample sample = live.sensor(thing, t);
                alerts = sample.alerts();
                if (snap != null) {
                    sensorSnap(snap, sample);
                }
            }
        }
        if (last.wants("alerts")) {
            last.put("alerts", alerts == null ? null : alertsJson(alerts));
        }
        last.put("err", null);
        last.put("ts", ts);
    }

    public static List<Object> alertsJson(List<Alert> alerts) {
        List<Object> out = new ArrayList<>(alerts.size());
        alerts.forEach(a -> out.add(a.toJson()));
        return out;
    }

    private static void offlineSnap(Doc snap) {
        snap.put("success", false);
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("status", "offline");
        }
    }

    // ------------------------------------------------------------------ miners

    private void minerSnap(Doc snap, SimThing thing, ThingRole.Miner role, MinerSample s, long t) {
        if (s.offline()) {
            offlineSnap(snap);
            return;
        }
        MinerModel model = role.model();
        Brand brand = model.brand();
        long salt = thing.index();
        long minute = Math.floorDiv(t, LiveSite.MINUTE);
        List<Object> errors = new ArrayList<>();
        for (AlertCatalog.DeviceFault f : s.faults()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", f.name());
            e.put("message", brand == Brand.WHATSMINER ? "Error code " + f.code() : f.description());
            e.put("code", f.code());
            errors.add(e);
        }
        snap.put("success", true);
        snap.put("raw_errors", errors);
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("status", s.status().json());
            if (!errors.isEmpty()) {
                stats.put("errors", errors);
                if (brand == Brand.WHATSMINER) {
                    stats.put("are_all_errors_minor", s.faults().stream().allMatch(AlertCatalog.DeviceFault::minor)
                            && model != MinerModel.WM_M63);
                }
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
                List<String[]> pools = pools(thing, role, t);
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
                double t5m = Noise.round(h, 2);
                hr.put("avg", Noise.round(h * (1 + 0.003 * Noise.gauss(Noise.hash(seed, salt, minute, 11))), 2));
                hr.put("t_5s", Noise.round(h * (1 + 0.02 * Noise.gauss(Noise.hash(seed, salt, minute, 12))), 2));
                if (brand == Brand.ANTMINER) {
                    hr.put("t_5m", t5m);
                    hr.put("t_30m", t5m);
                } else {
                    hr.put("t_1m", Noise.round(h * (1 + 0.01 * Noise.gauss(Noise.hash(seed, salt, minute, 13))), 2));
                    hr.put("t_5m", t5m);
                    hr.put("t_15m", Noise.round(h * (1 + 0.004 * Noise.gauss(Noise.hash(seed, salt, minute, 14))), 2));
                }
            }
            Doc freq = stats.child("frequency_mhz");
            if (freq != null) {
                freq.put("avg", Noise.round(s.frequencyMhz(), 2));
                if (brand == Brand.WHATSMINER) {
                    freq.put("target", Math.round(s.frequencyMhz()));
                }
                if (freq.wants("chips")) {
                    List<Object> chips = new ArrayList<>();
                    for (int b = 0; b < 3; b++) {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("index", b);
                        c.put("current", Noise.round(s.frequencyMhz() * (1 + 0.003 * Noise.gauss(Noise.hash(seed,
                                salt, minute, 30 + b))), 1));
                        chips.add(c);
                    }
                    freq.put("chips", chips);
                }
            }
            Doc temp = stats.child("temperature_c");
            if (temp != null) {
                minerTemperatures(temp, brand, s, salt, minute);
            }
            if (brand == Brand.WHATSMINER) {
                Doc specific = stats.child("miner_specific");
                if (specific != null) {
                    specific.put("upfreq_speed", s.upfreqSpeed());
                }
            }
        }
        Doc config = snap.child("config");
        if (config != null) {
            Doc net = config.child("network_config");
            if (net != null) {
                String ip = String.valueOf(thing.connection().get("address"));
                net.put("mode", "dhcp");
                net.put("ip_address", ip);
                if (brand != Brand.ANTMINER) {
                    String gw = ip.substring(0, ip.lastIndexOf('.')) + ".1";
                    net.put("dns", List.of(gw));
                    net.put("ip_gw", gw);
                }
                net.put("ip_netmask", "255.255.255.0");
            }
            if (config.wants("pool_config")) {
                List<Object> pc = new ArrayList<>();
                for (String[] p : pools(thing, role, t)) {
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
            config.put("firmware_ver", model.firmware());
        }
    }

    private void minerTemperatures(Doc temp, Brand brand, MinerSample s, long salt, long minute) {
        temp.put("ambient", Noise.round(s.ambientC(), 2));
        temp.put("max", Noise.round(s.chipMaxC(), 2));
        temp.put("avg", Noise.round(s.chipAvgC(), 2));
        double[] boardAvg = new double[3];
        for (int b = 0; b < 3; b++) {
            boardAvg[b] = s.chipAvgC() + 1.5 * Noise.gauss(Noise.hash(seed, salt, minute, 40 + b));
        }
        if (temp.wants("chips")) {
            List<Object> chips = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("index", b);
                c.put("max", Noise.round(boardAvg[b] + 2.5, brand == Brand.ANTMINER ? 0 : 2));
                if (brand != Brand.ANTMINER) {
                    c.put("min", Noise.round(boardAvg[b] - 8, 2));
                }
                c.put("avg", Noise.round(boardAvg[b], brand == Brand.ANTMINER ? 0 : 2));
                chips.add(c);
            }
            temp.put("chips", chips);
        }
        double pcbBase = s.pcbMaxC();
        if (brand == Brand.ANTMINER) {
            if (temp.wants("temp")) {
                List<Object> boards = new ArrayList<>();
                for (int b = 0; b < 3; b++) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("index", b);
                    e.put("pcbInlet", Math.round(pcbBase - 15 - b));
                    e.put("pcbOutlet", Math.round(pcbBase - b * 1.5));
                    boards.add(e);
                }
                temp.put("temp", boards);
            }
            if (temp.wants("raw_temps")) {
                List<Object> raw = new ArrayList<>();
                for (int b = 0; b < 3; b++) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    long in = Math.round(pcbBase - 15 - b);
                    long out = Math.round(pcbBase - b * 1.5);
                    long chip = Math.round(boardAvg[b]);
                    e.put("index", b);
                    e.put("pic", List.of(in + 8, out, in, in - 3));
                    e.put("pcb", List.of(in + 6, out - 1, out - 4, out - 6));
                    e.put("chip", List.of(chip, chip + 7, chip + 4, chip + 2));
                    raw.add(e);
                }
                temp.put("raw_temps", raw);
            }
        } else if (temp.wants("pcb")) {
            List<Object> pcb = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("index", b);
                e.put("current", Noise.round(pcbBase - b * 0.9, 1));
                pcb.add(e);
            }
            temp.put("pcb", pcb);
        }
    }

    /** The miner's pools as {url, username}: what {@code setupPools} applied, else its container's account. */
    public List<String[]> pools(SimThing thing, ThingRole.Miner role, long t) {
        List<String[]> applied = role.control().pools.at(t);
        if (applied != null) {
            return applied;
        }
        PoolAccount account = role.container() != null ? role.container().pool() : live.site().pools().get(0);
        List<String[]> out = new ArrayList<>();
        for (String url : account.urls()) {
            out.add(new String[]{url, url.isEmpty() ? "" : account.username() + "." + thing.id()});
        }
        return out;
    }

    // ------------------------------------------------------------------ containers

    private void containerSnap(Doc snap, ContainerSite c, ContainerSample s, long t) {
        if (s.offline()) {
            offlineSnap(snap);
            return;
        }
        ContainerModel model = c.model();
        List<Object> errors = new ArrayList<>();
        for (AlertCatalog.DeviceFault f : s.faults()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", f.name());
            errors.add(e);
        }
        snap.put("success", true);
        snap.put("raw_errors", errors);
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("status", s.status());
            if (!errors.isEmpty()) {
                stats.put("errors", errors);
            }
            stats.put("power_w", Math.round(s.powerW()));
            stats.put("ambient_temp_c", Noise.round(s.ambientC(), 1));
            stats.put("humidity_percent", Noise.round(s.humidity(), 1));
            if (model.isBitdeer()) {
                stats.put("alarm_status", !s.faults().isEmpty());
            }
            Doc specific = stats.child("container_specific");
            if (specific != null) {
                if (model.isBitdeer()) {
                    bitdeerSpecific(specific, c, s, t);
                } else if (model.isMicroBt()) {
                    microBtSpecific(specific, c, s, t);
                } else {
                    antspaceSpecific(specific, s);
                }
            }
        }
        Doc config = snap.child("config");
        if (config != null) {
            Doc specific = config.child("container_specific");
            if (specific != null) {
                if (model.isBitdeer()) {
                    Map<String, Object> settings = c.control().temperatureSettings.at(t);
                    specific.put("mqtt_url", "mqtt://10.50.0.2:1883");
                    specific.put("tactics", JsonObjects.of(
                            "start_policy", Map.of("type", "disabled"),
                            "stop_policy", Map.of("type", "disabled")));
                    Map<String, Object> alarms = new LinkedHashMap<>();
                    alarms.put("pressure_bar", settings.getOrDefault("pressureAlarm", 3.8));
                    alarms.put("oil_temp", JsonObjects.of("high_c", settings.getOrDefault("hotOil", 60),
                            "low_c", settings.getOrDefault("coldOil", 50)));
                    alarms.put("water_temp", JsonObjects.of("high_c", settings.getOrDefault("hotWater", 50),
                            "low_c", settings.getOrDefault("coldWater", 45)));
                    specific.put("alarms", alarms);
                    specific.put("set_temps", JsonObjects.of("cold_oil_temp_c", settings.getOrDefault("coldOilSet", 45),
                            "exhaust_fan_temp_c", settings.getOrDefault("exhaustFan", 30)));
                } else if (model.isMicroBt()) {
                    Map<String, Object> diag = new LinkedHashMap<>();
                    diag.put("communicate_status", 1);
                    diag.put("software_version", 112);
                    diag.put("pcb_version", 3);
                    diag.put("hardware_version", 2);
                    diag.put("cpu_utilization_rate", 15 + Noise.below(Noise.hash(seed, c.index(), Math.floorDiv(t,
                            LiveSite.MINUTE)), 20));
                    specific.put("diag", diag);
                }
            }
        }
    }

    /** Per-position miner draw, for PDU and socket readings. */
    private Map<String, Double> socketPower(ContainerSite c, long t) {
        Map<String, Double> byPos = new HashMap<>();
        long at = Math.floorDiv(t, LiveSite.MINUTE) * LiveSite.MINUTE;
        for (SimThing m : c.miners()) {
            byPos.put(m.pos(), live.miner(m, at).powerW());
        }
        return byPos;
    }

    private void bitdeerSpecific(Doc specific, ContainerSite c, ContainerSample s, long t) {
        ContainerModel model = c.model();
        List<Object> alarms = new ArrayList<>();
        for (AlertCatalog.DeviceFault f : s.faults()) {
            alarms.add(switch (f.name()) {
                case "oil_pump_error" -> "OilPump1 error";
                case "water_pump_error" -> "WaterPump1 error";
                default -> "HotOil overheat";
            });
        }
        specific.put("alarms", alarms);
        double perPhase = s.powerW() / 3;
        Doc phases = specific.child("phase_data");
        if (phases != null) {
            for (String p : List.of("a", "b", "c")) {
                double v = 235 + Noise.gauss(Noise.hash(seed, c.index(), Noise.of(p), Math.floorDiv(t,
                        LiveSite.MINUTE)));
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("voltage_v", Noise.round(v, 1));
                e.put("current_a", Noise.round(perPhase / v, 1));
                e.put("power_w", Math.round(perPhase));
                phases.put(p, e);
            }
        }
        if (specific.wants("pdu_data")) {
            Map<String, Double> power = socketPower(c, t);
            Set<String> disabled = c.control().disabledSockets.at(t);
            List<Object> pdus = new ArrayList<>();
            for (String pdu : model.pdus()) {
                List<Object> sockets = new ArrayList<>();
                double pduPower = 0;
                for (String socket : model.sockets(pdu)) {
                    String pos = pdu + "_" + socket;
                    boolean enabled = !disabled.contains(pos) && c.control().running.at(t);
                    double w = enabled ? power.getOrDefault(pos, 0.0) : 0;
                    pduPower += w;
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("socket", socket);
                    e.put("enabled", enabled);
                    e.put("power_w", Math.round(w));
                    e.put("current_a", Noise.round(w / 230, 2));
                    sockets.add(e);
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("pdu", pdu);
                e.put("power_w", Math.round(pduPower));
                e.put("current_a", Noise.round(pduPower / 230, 1));
                e.put("sockets", sockets);
                pdus.add(e);
            }
            specific.put("pdu_data", pdus);
        }
        if (specific.wants("cooling_system")) {
            boolean on = s.coolingOn();
            Map<String, Object> cooling = new LinkedHashMap<>();
            cooling.put("tank1_bar", Noise.round(on ? 3.4 + 0.05 * Noise.gauss(Noise.hash(seed, c.index(), 51,
                    Math.floorDiv(t, LiveSite.MINUTE))) : 0.2, 2));
            cooling.put("tank2_bar", Noise.round(on ? 3.35 + 0.05 * Noise.gauss(Noise.hash(seed, c.index(), 52,
                    Math.floorDiv(t, LiveSite.MINUTE))) : 0.2, 2));
            List<Object> oil = new ArrayList<>();
            List<Object> water = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("index", i);
                o.put("enabled", on);
                o.put("hot_temp_c", Noise.round(s.returnC() + 4 + i * 0.4, 1));
                o.put("cold_temp_c", Noise.round(s.supplyC() + 6 + i * 0.3, 1));
                o.put("tank", true);
                oil.add(o);
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("index", i);
                w.put("enabled", on);
                w.put("hot_temp_c", Noise.round(s.returnC() - 2 + i * 0.3, 1));
                w.put("cold_temp_c", Noise.round(s.supplyC() - 4 + i * 0.2, 1));
                water.add(w);
            }
            cooling.put("oil_pump", oil);
            cooling.put("water_pump", water);
            List<Object> coolers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                List<Object> fans = new ArrayList<>();
                for (int f = 0; f < 8; f++) {
                    fans.add(JsonObjects.of("index", f, "enabled", on && f < 2 + (int) Math.round(s.coolingLoad() * 120)));
                }
                coolers.add(JsonObjects.of("index", i, "enabled", on, "fans", fans));
            }
            cooling.put("dry_cooler", coolers);
            cooling.put("exhaust_fan_enabled",
                    !Boolean.FALSE.equals(c.control().vendorSettings.at(t).get("exhaustFan")));
            specific.put("cooling_system", cooling);
        }
        if (specific.wants("ups")) {
            specific.put("ups", JsonObjects.of("battery_percent", 100, "temp_c", Noise.round(s.ambientC() + 3, 1),
                    "input", JsonObjects.of("voltage_v", 230, "freq_hz", 50), "output", JsonObjects.of("voltage_v", 230, "freq_hz",
                            50)));
        }
    }

    private void microBtSpecific(Doc specific, ContainerSite c, ContainerSample s, long t) {
        long minute = Math.floorDiv(t, LiveSite.MINUTE);
        if (specific.wants("power_meters")) {
            List<Object> meters = new ArrayList<>();
            double kw = s.powerW() / 4000;
            for (int i = 1; i <= 4; i++) {
                double g = Noise.gauss(Noise.hash(seed, c.index(), 60 + i, minute));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", String.format("%02d", i));
                m.put("status", 1);
                m.put("voltage_ab", Noise.round(400 + g, 1));
                m.put("voltage_bc", Noise.round(399.5 + g, 1));
                m.put("voltage_ca", Noise.round(400.3 + g, 1));
                double current = kw * 1000 / (Math.sqrt(3) * 400 * 0.98);
                m.put("current_a", Noise.round(current, 1));
                m.put("current_b", Noise.round(current * 0.995, 1));
                m.put("current_c", Noise.round(current * 1.004, 1));
                m.put("total_power_factor", 0.98);
                m.put("freq", Noise.round(50 + 0.01 * g, 2));
                m.put("total_active_power", Noise.round(kw, 1));
                m.put("total_apparent_power", Noise.round(kw / 0.98, 1));
                m.put("total_active_energy", Noise.round(kw * (t - c.thing().createdAt()) / 3_600_000.0, 1));
                meters.add(m);
            }
            specific.put("power_meters", meters);
        }
        if (specific.wants("pdu_data")) {
            Map<String, Double> power = socketPower(c, t);
            Set<String> disabled = c.control().disabledSockets.at(t);
            List<Object> pdus = new ArrayList<>();
            for (String pdu : c.model().pdus()) {
                List<Object> sockets = new ArrayList<>();
                double pduPower = 0;
                for (String socket : c.model().sockets(pdu)) {
                    String pos = pdu + "_" + socket;
                    boolean enabled = !disabled.contains(pos) && c.control().running.at(t);
                    pduPower += enabled ? power.getOrDefault(pos, 0.0) : 0;
                    sockets.add(JsonObjects.of("socket", socket, "enabled", enabled));
                }
                double current = pduPower / (Math.sqrt(3) * 400 * 0.98);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("pdu", pdu);
                e.put("status", 1);
                e.put("buzzer", 0);
                e.put("sockets", sockets);
                e.put("frequency", 50);
                e.put("voltage_ab", 400.1);
                e.put("voltage_ca", 399.6);
                e.put("voltage_bc", 400.3);
                e.put("current_a", Noise.round(current, 1));
                e.put("current_b", Noise.round(current * 0.99, 1));
                e.put("current_c", Noise.round(current * 1.01, 1));
                e.put("total_power", Noise.round(pduPower / 1000, 1));
                e.put("access_control_alarm", flags(8));
                e.put("infrared_alarm", flags(6));
                e.put("water_ingress_alarm", flags(8));
                e.put("smoke_detection_alarm", flags(8));
                e.put("high_wind_speed_alarm", 0);
                e.put("low_wind_speed_alarm", 0);
                pdus.add(e);
            }
            specific.put("pdu_data", pdus);
        }
        specific.put("env", JsonObjects.of("status", 1, "smoke_detector", 0, "water_ingress_detector", 0));
        Doc cdu = specific.child("cdu");
        if (cdu != null) {
            double g = Noise.gauss(Noise.hash(seed, c.index(), 70, minute));
            boolean pump = s.coolingOn() && !"stopped".equals(s.status());
            boolean filterFault = s.faults().stream().anyMatch(f -> f.name().equals("high_pressure_diff_filter"));
            cdu.put("protocol_version", 1.2);
            cdu.put("unit_inlet_temp_t2", Noise.round(s.supplyC(), 1));
            if (c.model() != ContainerModel.MBT_KEHUA) {
                cdu.put("unit_outlet_temp_t3", Noise.round(s.returnC(), 1));
            }
            cdu.put("cooling_temp_t1", Noise.round(s.supplyC() - 2.5, 1));
            cdu.put("indoor_dew_point_temperature", Noise.round(s.ambientC() - 12, 1));
            cdu.put("unit_inlet_pressure_p2", Noise.round(pump ? 2.4 + 0.03 * g : 0.3, 2));
            cdu.put("unit_outlet_pressure_p3", Noise.round(pump ? 1.6 + 0.03 * g : 0.3, 2));
            cdu.put("circulation_pump_inlet_pressure_p1", Noise.round(pump ? 1.35 + 0.02 * g : 0.3, 2));
            cdu.put("circulation_pump_outlet_pressure_p5", Noise.round(pump ? 3.0 + 0.03 * g : 0.3, 2));
            cdu.put("filter_pressure_difference", Noise.round(filterFault ? 0.62 : 0.18 + 0.01 * g, 2));
            cdu.put("circulation_pump_speed", Noise.round(pump ? 70 + 300 * s.coolingLoad() : 0, 1));
            cdu.put("circulation_pump_running_status", pump ? "running" : "stopped");
            cdu.put("circulation_pump_switch", "auto");
            cdu.put("drain_valve_switch", "auto");
            cdu.put("cooling_fan_switch", "auto");
            cdu.put("makeup_water_pump_switch", "auto");
            cdu.put("makeup_water_pump_fault", false);
            cdu.put("power_supply_fault", s.faults().stream().anyMatch(f -> f.name().equals("power_fault")));
            cdu.put("water_immersion_fault", false);
            cdu.put("outdoor_ambient_temperature_sensor_fault", false);
            cdu.put("indoor_temperature_humidity_sensor_fault", false);
            cdu.put("system_main_control", c.control().running.at(t));
            Map<String, Object> vendor = c.control().vendorSettings.at(t);
            cdu.put("cooling_fan_running_speed_threshold", vendor.getOrDefault("runningSpeed", 80));
            cdu.put("cooling_fan_start_temperature_threshold", vendor.getOrDefault("startTemp", 35));
            cdu.put("cooling_fan_stop_temperature_threshold", vendor.getOrDefault("stopTemp", 28));
        }
    }

    private static List<Object> flags(int n) {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(JsonObjects.of("index", Integer.toString(i), "status", false));
        }
        return out;
    }

    private void antspaceSpecific(Doc specific, ContainerSample s) {
        boolean pump = s.coolingOn() && !"stopped".equals(s.status());
        specific.put("primary_circulating_pump", pump);
        specific.put("supply_liquid_temp", Noise.round(s.supplyC(), 1));
        specific.put("return_liquid_temp", Noise.round(s.returnC(), 1));
    }

    // ------------------------------------------------------------------ meters and sensors

    private void meterSnap(Doc snap, SimThing thing, MeterSample s) {
        if (s.offline()) {
            offlineSnap(snap);
            return;
        }
        snap.put("success", true);
        snap.put("raw_errors", List.of());
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("power_w", Noise.round(s.powerW(), 1));
            if (thing.type().endsWith("reu615")) {
                stats.put("voltage_v", Noise.round(s.voltageV(), 1));
            } else {
                stats.put("tension_v", Noise.round(s.voltageV(), 1));
                Doc pm = stats.child("powermeter_specific");
                if (pm != null) {
                    double vn = s.voltageV() / Math.sqrt(3);
                    double i = s.powerW() / (Math.sqrt(3) * s.voltageV() * 0.98);
                    pm.put("v1_n_v", Noise.round(vn, 1));
                    pm.put("v2_n_v", Noise.round(vn * 1.002, 1));
                    pm.put("v3_n_v", Noise.round(vn * 0.998, 1));
                    pm.put("v1_v2_v", Noise.round(s.voltageV(), 1));
                    pm.put("v2_v3_v", Noise.round(s.voltageV() * 1.001, 1));
                    pm.put("v3_v1_v", Noise.round(s.voltageV() * 0.999, 1));
                    pm.put("i1_a", Noise.round(i, 1));
                    pm.put("i2_a", Noise.round(i * 1.01, 1));
                    pm.put("i3_a", Noise.round(i * 0.99, 1));
                    pm.put("in_a", Noise.round(i * 0.02, 1));
                    pm.put("active_power_total_w", Noise.round(s.powerW(), 1));
                    pm.put("reactive_power_total_var", Noise.round(s.powerW() * 0.2, 1));
                }
            }
        }
        snap.put("config", Map.of());
    }

    private static void sensorSnap(Doc snap, SensorSample s) {
        if ("offline".equals(s.status())) {
            offlineSnap(snap);
            return;
        }
        boolean error = "error".equals(s.status());
        snap.put("success", true);
        List<Object> errors = error ? List.of(Map.of("name", "sensor_error")) : List.of();
        snap.put("raw_errors", errors);
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("status", s.status());
            stats.put("temp_c", Noise.round(s.tempC(), 1));
            if (error) {
                stats.put("errors", errors);
            }
        }
        snap.put("config", Map.of());
    }
}
