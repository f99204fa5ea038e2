package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Brand;
import io.miningos.gateway.adapters.ork.sim.site.ContainerControl;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.MinerControl;
import io.miningos.gateway.adapters.ork.sim.site.MinerModel;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Computes what every thing reports at any instant: a pure function of the seed, the thing, the time and the
 * timelines actions wrote. Nothing runs in the background; values are computed when read, so a site of 50,000
 * things costs nothing while nobody looks, and live values, stat logs and history agree by construction.
 *
 * <p>Miners and containers are sampled on minute boundaries (their racks poll every 60 s), sensors every 10 s and
 * power meters every 5 s. Per-container sums of miner draw are cached per minute because containers, meters and
 * sensors all read them.
 */
public final class LiveSite {
    static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long BOOT_CYCLE = 14 * DAY;
    /** Container minutes kept: a week of every container of the demo site (cleared, not evicted, when full). */
    private static final int LOAD_CACHE_LIMIT = 50_000;

    public static final Episode.Plan MINER_EPISODES = new Episode.Plan(6 * HOUR, 0.10, 10 * MINUTE, 3 * HOUR, 0.3,
            0.45);
    public static final Episode.Plan CONTAINER_EPISODES = new Episode.Plan(DAY, 0.10, 20 * MINUTE, 4 * HOUR, 0.2, 0.8);
    public static final Episode.Plan SENSOR_EPISODES = new Episode.Plan(DAY, 0.06, 10 * MINUTE, HOUR, 0.3, 0.7);
    public static final Episode.Plan METER_EPISODES = new Episode.Plan(DAY, 0.02, 5 * MINUTE, 25 * MINUTE, 1.0, 0);

    private final Site site;
    private final long seed;
    private final Weather weather;
    private final ConcurrentHashMap<Long, double[]> containerLoads = new ConcurrentHashMap<>();
    /** Poll phase per thing index, computed once (hashing the rack id on every read was a hot spot). */
    private final long[] phases;
    /**
     * Each miner's last computed sample. A sample is a pure function of the instant and timelines that only change
     * after "now", so it never goes stale; the miner racks' stats and the containers' and meters' sums of miner
     * draw read the same minute, and this lets them share one computation.
     */
    private final AtomicReferenceArray<Memo> lastSample;

    private record Memo(long t, MinerSample sample) {
    }

    public LiveSite(Site site) {
        this.site = site;
        this.seed = site.seed();
        this.weather = new Weather(site.seed());
        int maxIndex = site.things().values().stream().mapToInt(SimThing::index).max().orElse(-1);
        this.phases = new long[maxIndex + 1];
        this.lastSample = new AtomicReferenceArray<>(maxIndex + 1);
        for (SimThing t : site.things().values()) {
            phases[t.index()] = computePhase(t);
        }
    }

    public Site site() {
        return site;
    }

    public Weather weather() {
        return weather;
    }

    /** Milliseconds a thing's poll lands after its bucket boundary: a rack offset plus a per-thing spread. */
    public long pollPhase(SimThing thing) {
        return thing.index() < phases.length ? phases[thing.index()] : computePhase(thing);
    }

    private long computePhase(SimThing thing) {
        long rackPhase = Noise.below(Noise.hash(seed, Noise.of(thing.rackId())), 2_500);
        long spread = Math.min(thing.kind().pollMs() / 4, 1_500);
        return 100 + rackPhase % Math.max(1, thing.kind().pollMs() / 3) + Noise.below(Noise.hash(seed, thing.index(),
                3), (int) spread);
    }

    /** Start of the poll bucket whose values the thing reports at {@code now}. */
    public long sampleInstant(SimThing thing, long now) {
        long poll = thing.kind().pollMs();
        return Math.floorDiv(now - pollPhase(thing), poll) * poll;
    }

    // ------------------------------------------------------------------ miners

    public MinerSample miner(SimThing thing, long t) {
        int index = thing.index();
        if (index < lastSample.length()) {
            Memo memo = lastSample.get(index);
            if (memo != null && memo.t() == t) {
                return memo.sample();
            }
            MinerSample s = computeMiner(thing, t);
            lastSample.set(index, new Memo(t, s));
            return s;
        }
        return computeMiner(thing, t);
    }

    private MinerSample computeMiner(SimThing thing, long t) {
        ThingRole.Miner role = (ThingRole.Miner) thing.role();
        MinerModel model = role.model();
        MinerControl ctl = role.control();
        long salt = thing.index();
        String mode = ctl.powerMode.at(t);
        boolean led = ctl.ledUntil.at(t) > t;
        int upfreq = ctl.upfreqSpeed.at(t);

        long phase = Noise.below(Noise.hash(seed, salt, 5), (int) (BOOT_CYCLE / 1000)) * 1000L;
        long bootTs = Math.max(Math.floorDiv(t + phase, BOOT_CYCLE) * BOOT_CYCLE - phase, thing.createdAt());
        long[] reboot = ctl.rebootAt(t);
        if (reboot != null) {
            if (t < reboot[1]) {
                return offline(mode, led, upfreq);
            }
            bootTs = Math.max(bootTs, reboot[1]);
        }
        ContainerSite c = role.container();
        if (c == null || !role.connected() || ctl.maintenance.at(t)) {
            return offline(mode, led, upfreq);
        }
        ContainerControl cc = c.control();
        Set<String> disabled = cc.disabledSockets.at(t);
        if (!cc.running.at(t) || !disabled.isEmpty() && disabled.contains(role.pos())) {
            return offline(mode, led, upfreq);
        }
        Episode window = MINER_EPISODES.inWindow(seed, salt, MINER_EPISODES.windowOf(seed, salt, t));
        Episode ep = window != null && window.covers(t) ? window : null;
        if (ep != null && ep.kind() == Episode.Kind.OFFLINE) {
            return offline(mode, led, upfreq);
        }
        if (window != null && window.kind() == Episode.Kind.OFFLINE && window.end() <= t) {
            bootTs = Math.max(bootTs, window.end());
        }

        double ambient = weather.ambientC(t);
        double coolant = switch (model.cooling()) {
            case "air" -> ambient + 2;
            case "hydro" -> 28 + 0.3 * (ambient - 15);
            default -> 32 + 0.3 * (ambient - 15);
        };
        boolean coolingOff = !cc.cooling.at(t);
        long minute = Math.floorDiv(t, MINUTE);
        double g1 = Noise.gauss(Noise.hash(seed, salt, minute, 1));
        double g2 = Noise.gauss(Noise.hash(seed, salt, minute, 2));
        double g3 = Noise.gauss(Noise.hash(seed, salt, minute, 3));
        double drift = Noise.gauss(Noise.hash(seed, salt, Math.floorDiv(t, HOUR), 4));

        List<AlertCatalog.DeviceFault> faults = List.of();
        if (ep != null && ep.kind() == Episode.Kind.FAULT) {
            List<AlertCatalog.DeviceFault> table = AlertCatalog.minerFaults(model.brand());
            faults = List.of(table.get(ep.detail() % table.size()));
        }

        MinerSample.MinerStatus status;
        double hash;
        double power;
        double freq;
        double load;
        if ("sleep".equals(mode)) {
            status = MinerSample.MinerStatus.SLEEPING;
            hash = 0;
            power = 15 + 30 * Noise.unit(Noise.hash(seed, salt, 6));
            freq = 0;
            load = 0;
        } else {
            double hashF = switch (mode) {
                case "low" -> 0.85;
                case "high" -> 1.08;
                default -> 1.0;
            };
            double powF = switch (mode) {
                case "low" -> 0.8;
                case "high" -> 1.15;
                default -> 1.0;
            };
            double pct = ctl.powerPct.at(t) / 100.0;
            hashF *= Math.pow(pct, 0.9);
            powF *= pct;
            if (model == MinerModel.WM_M63) {
                hashF *= 1 + (upfreq - 3) * 0.01;
                powF *= 1 + (upfreq - 3) * 0.012;
            }
            double faultFactor = faults.isEmpty() ? 1.0 : faults.get(0).hashFactor();
            hash = model.nominalMhs() * role.quality() * hashF * faultFactor * (1 + 0.006 * g1 + 0.008 * drift);
            power = model.nominalPowerW() * powF * (0.985 + 0.5 * (role.quality() - 0.995)) * (1 + 0.003 * g2);
            if (faultFactor == 0) {
                hash = 0;
                power = 110 + 40 * Noise.unit(Noise.hash(seed, salt, minute, 7));
            }
            status = faults.isEmpty() ? MinerSample.MinerStatus.MINING : MinerSample.MinerStatus.ERROR;
            load = power / model.nominalPowerW();
            double baseFreq = switch (model.brand()) {
                case ANTMINER -> 490;
                case WHATSMINER -> 560;
                case AVALON -> 505;
            };
            freq = hash == 0 ? 0 : baseFreq * Math.pow(hashF, 0.8) * (1 + 0.002 * g3);
        }
        // an overheating spell adds 20-32 °C, enough for warnings and, on the hotter ones, critical alerts
        double heat = (ep != null && ep.kind() == Episode.Kind.OVERHEAT ? 20 + ep.detail() % 13 : 0)
                + (coolingOff ? 22 : 0);
        double chipAvg = coolant + 36 * load + 1.2 * g3 + heat;
        double chipMax = chipAvg + 3 + 2 * Noise.unit(Noise.hash(seed, salt, minute, 8));
        double pcbMax = coolant + 22 * load + 0.8 * g2 + heat * 0.95;

        List<Alert> alerts = new ArrayList<>(2);
        for (AlertCatalog.DeviceFault f : faults) {
            alerts.add(new Alert(f.name(), f.code(), f.description(), f.severity(), ep.start(), ep.uuid(f.name()),
                    model.brand() == Brand.WHATSMINER ? "Error code " + f.code() : null));
        }
        if (heat > 0 && status != MinerSample.MinerStatus.SLEEPING) {
            long since = ep != null && ep.kind() == Episode.Kind.OVERHEAT ? ep.start() : cc.cooling.changedAt(t);
            String uuidSalt = ep != null && ep.kind() == Episode.Kind.OVERHEAT ? "" : "cooling";
            if (model.brand() == Brand.ANTMINER) {
                if (pcbMax >= 75) {
                    alerts.add(rule("max_pcb_temp_warning", AlertCatalog.PCB_WARNING, "high", since, salt, uuidSalt));
                }
                if (pcbMax >= 80) {
                    alerts.add(rule("max_pcb_temp_critical", AlertCatalog.PCB_CRITICAL, "critical", since, salt,
                            uuidSalt));
                }
            } else {
                double pcbLimit = "high".equals(mode) ? 70 : 65;
                double chipLimit = "high".equals(mode) ? 85 : 80;
                if (pcbMax > pcbLimit) {
                    alerts.add(rule("pcb_temp_warning", AlertCatalog.WM_PCB, "high", since, salt, uuidSalt));
                }
                if (chipAvg > chipLimit) {
                    alerts.add(rule("chip_temp_warning", AlertCatalog.WM_CHIP, "high", since, salt, uuidSalt));
                }
            }
        }
        long accepted = hash == 0 ? 0 : Math.max(0, Math.round(hash / 1.55e6 * (1 + 0.08 * g1)));
        long rejected = hash > 0 && Noise.unit(Noise.hash(seed, salt, minute, 9)) < 0.05 ? 1 : 0;
        long stale = hash > 0 && Noise.unit(Noise.hash(seed, salt, minute, 10)) < 0.02 ? 1 : 0;
        return new MinerSample(status, mode, hash, power, status == MinerSample.MinerStatus.SLEEPING ? coolant
                : ambient,
                chipAvg, chipMax, pcbMax, freq, bootTs, led, upfreq, faults, alerts.isEmpty() ? null
                        : List.copyOf(alerts),
                accepted, rejected, stale);
    }

    private Alert rule(String name, String description, String severity, long since, long salt, String uuidSalt) {
        long h = Noise.hash(seed, salt, since, Noise.of(name + uuidSalt));
        return new Alert(name, name, description, severity, since, Noise.uuid(h, Noise.hash(h, 1)), null);
    }

    private static MinerSample offline(String mode, boolean led, int upfreq) {
        return new MinerSample(MinerSample.MinerStatus.OFFLINE, mode, 0, 0, 0, 0, 0, 0, 0, 0, led, upfreq, List.of(),
                null, 0, 0, 0);
    }

    // ------------------------------------------------------------------ containers

    /** Sum of the miners' draw, hashrate and online count of one container at the minute holding {@code t}. */
    public double[] minersLoad(ContainerSite c, long t) {
        long minute = Math.floorDiv(t, MINUTE);
        long key = ((long) c.index() << 32) | (minute & 0xFFFFFFFFL);
        double[] cached = containerLoads.get(key);
        if (cached != null) {
            return cached;
        }
        long at = minute * MINUTE;
        double power = 0;
        double hash = 0;
        double online = 0;
        for (SimThing m : c.miners()) {
            MinerSample s = miner(m, at);
            power += s.powerW();
            hash += s.hashrateMhs();
            if (!s.offline()) {
                online++;
            }
        }
        double[] load = {power, hash, online};
        if (containerLoads.size() > LOAD_CACHE_LIMIT) {
            containerLoads.clear();
        }
        containerLoads.put(key, load);
        return load;
    }

    /** What the container physically draws at {@code t}, whether or not its controller answers. */
    public double containerPowerW(ContainerSite c, long t) {
        return containerState(c, t)[0];
    }

    private double[] containerState(ContainerSite c, long t) {
        ContainerControl ctl = c.control();
        boolean running = ctl.running.at(t);
        boolean cooling = ctl.cooling.at(t);
        double minersPower = minersLoad(c, t)[0];
        double ambient = weather.ambientC(t);
        double coolingLoad = running && cooling ? c.model().coolingShare() * (0.7 + 0.03 * (ambient - 10)) : 0;
        double aux = c.model().auxiliaryW() * (running ? 1 : 0.4);
        return new double[]{minersPower * (1 + coolingLoad) + aux, minersPower, coolingLoad};
    }

    public ContainerSample container(ContainerSite c, long t) {
        SimThing thing = c.thing();
        double[] state = containerState(c, t);
        double ambient = weather.ambientC(t) + 4;
        double humidity = weather.humidity(t);
        Episode ep = CONTAINER_EPISODES.at(seed, thing.index(), t);
        ContainerControl ctl = c.control();
        boolean running = ctl.running.at(t);
        boolean coolingOn = ctl.cooling.at(t);
        double nominalIt = c.model().capacity() * c.model().minerModel().nominalPowerW();
        double supply = "air".equals(c.model().minerModel().cooling()) ? ambient
                : 30 + 0.3 * (weather.ambientC(t) - 15) + (coolingOn ? 0 : 12);
        double ret = supply + 9 * state[1] / nominalIt + 0.3 * Noise.gauss(Noise.hash(seed, thing.index(),
                Math.floorDiv(t, MINUTE)));
        if (ep != null && ep.kind() == Episode.Kind.OFFLINE) {
            return new ContainerSample("offline", state[0], state[1], ambient, humidity, supply, ret, coolingOn,
                    state[2], List.of(), null);
        }
        List<AlertCatalog.DeviceFault> faults = List.of();
        List<Alert> alerts = null;
        List<AlertCatalog.DeviceFault> table = AlertCatalog.containerFaults(c.model());
        if (ep != null && ep.kind() == Episode.Kind.FAULT && !table.isEmpty() && ctl.alarmResetAt.at(t) < ep.start()) {
            AlertCatalog.DeviceFault f = table.get(ep.detail() % table.size());
            faults = List.of(f);
            alerts = List.of(new Alert(f.name(), f.code(), f.description(), f.severity(), ep.start(),
                    ep.uuid(f.name()), null));
        }
        String status = !running ? "stopped" : faults.isEmpty() ? "running" : "error";
        return new ContainerSample(status, state[0], state[1], ambient, humidity, supply, ret, coolingOn, state[2],
                faults, alerts);
    }

    // ------------------------------------------------------------------ power meters and sensors

    public MeterSample meter(SimThing thing, long t) {
        ThingRole.Meter role = (ThingRole.Meter) thing.role();
        long fine = Math.floorDiv(t, ThingKind.POWERMETER.pollMs());
        double g = Noise.gauss(Noise.hash(seed, thing.index(), fine));
        if (role.scope() != ThingRole.MeterScope.SITE && METER_EPISODES.at(seed, thing.index(), t) != null) {
            return new MeterSample(true, 0, 0);
        }
        double power = switch (role.scope()) {
            case CONTAINER -> containerPowerW(role.container(), t);
            case TRANSFORMER -> transformerPowerW(role.transformer(), t);
            case SITE -> sitePowerW(t);
        };
        double voltage = role.scope() == ThingRole.MeterScope.SITE ? 33_000 + 120 * g : 400 + 1.5 * g;
        return new MeterSample(false, power * (1 + 0.0015 * g), voltage);
    }

    /** Transformer output: its containers plus 1.2 % losses. */
    public double transformerPowerW(int transformer, long t) {
        double sum = 0;
        for (ContainerSite c : site.containers()) {
            if (c.transformer() == transformer) {
                sum += containerPowerW(c, t);
            }
        }
        return sum * 1.012;
    }

    /** Site intake: every transformer, medium-voltage losses, offices and lighting. */
    public double sitePowerW(long t) {
        double sum = 0;
        for (int tr = 1; tr <= site.transformers(); tr++) {
            sum += transformerPowerW(tr, t);
        }
        return sum * 1.004 + 25_000;
    }

    /** Nameplate draw of the containers behind a transformer, to express its load as a ratio. */
    private double transformerNominalW(int transformer) {
        double sum = 0;
        for (ContainerSite c : site.containers()) {
            if (c.transformer() == transformer) {
                sum += c.model().capacity() * c.model().minerModel().nominalPowerW() * (1 + c.model().coolingShare());
            }
        }
        return Math.max(sum, 1);
    }

    public SensorSample sensor(SimThing thing, long t) {
        ThingRole.Sensor role = (ThingRole.Sensor) thing.role();
        Episode ep = SENSOR_EPISODES.at(seed, thing.index(), t);
        if (ep != null && ep.kind() == Episode.Kind.OFFLINE) {
            return new SensorSample("offline", 0, null);
        }
        if (ep != null && ep.kind() == Episode.Kind.FAULT) {
            return new SensorSample("error", 850.0, List.of(new Alert("sensor_error", "sensor_error",
                    AlertCatalog.SENSOR_ERROR, "medium", ep.start(), ep.uuid("sensor_error"), null)));
        }
        double ratio = transformerPowerW(role.transformer(), t) / transformerNominalW(role.transformer());
        double ambient = weather.ambientC(t);
        double g = Noise.gauss(Noise.hash(seed, thing.index(), Math.floorDiv(t, ThingKind.SENSOR.pollMs())));
        double temp = role.transformerOil()
                ? 35 + 30 * ratio + 0.4 * (ambient - 15) + 0.4 * g
                : 26 + 0.5 * (ambient - 10) + 8 * ratio + 0.3 * g;
        if (ep != null && ep.kind() == Episode.Kind.OVERHEAT) {
            temp += role.transformerOil() ? 24 : 30;
        }
        List<Alert> alerts = new ArrayList<>(2);
        long since = ep != null ? ep.start() : Math.floorDiv(t, HOUR) * HOUR;
        if (role.transformerOil()) {
            if (temp > 80) {
                alerts.add(rule("oil_temp_high", AlertCatalog.OIL_HIGH, "high", since, thing.index(), ""));
            }
            if (temp > 90) {
                alerts.add(rule("oil_temp_critical", AlertCatalog.OIL_CRITICAL, "critical", since, thing.index(), ""));
            }
        } else {
            if (temp > 60) {
                alerts.add(rule("cabinet_temp_high", AlertCatalog.CABINET_HIGH, "high", since, thing.index(), ""));
            }
            if (temp > 70) {
                alerts.add(rule("cabinet_temp_alert", AlertCatalog.CABINET_ALERT, "critical", since, thing.index(),
                        ""));
            }
        }
        return new SensorSample("ok", temp, alerts.isEmpty() ? null : List.copyOf(alerts));
    }

    /** Alerts of any thing at {@code t} (as in {@code last.alerts}), or null. */
    public List<Alert> alerts(SimThing thing, long t) {
        return switch (thing.role()) {
            case ThingRole.Miner m -> miner(thing, t).alerts();
            case ThingRole.Container c -> container(c.site(), t).alerts();
            case ThingRole.Sensor s -> sensor(thing, t).alerts();
            case ThingRole.Meter m -> null;
            case ThingRole.Part p -> null;
        };
    }
}
