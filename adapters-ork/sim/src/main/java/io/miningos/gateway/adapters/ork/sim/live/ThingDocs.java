package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.Brand;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.PoolAccount;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns things and their samples into the JSON records a real rack holds: the internal record (with
 * {@code opts} and {@code last}) that filters and projections run on, and the {@code last} status object. The
 * snapshot inside is written by the writer of the thing's worker family ({@link MinerSnapshot},
 * {@link ContainerSnapshot} and their subclasses, {@link MeterSnapshot}, {@link SensorSnapshot}).
 */
public final class ThingDocs {

    private final LiveSite live;
    /** One snapshot writer per worker family, as the real racks are one worker per device model. */
    private final Map<Brand, MinerSnapshot> miners = new EnumMap<>(Brand.class);
    private final ContainerSnapshot bitdeer;
    private final ContainerSnapshot microBt;
    private final ContainerSnapshot antspace;
    private final MeterSnapshot meters = new MeterSnapshot();
    private final SensorSnapshot sensors = new SensorSnapshot();

    public ThingDocs(LiveSite live) {
        this.live = live;
        long seed = live.site().seed();
        miners.put(Brand.ANTMINER, new AntminerSnapshot(seed, this));
        miners.put(Brand.WHATSMINER, new WhatsminerSnapshot(seed, this));
        miners.put(Brand.AVALON, new AvalonSnapshot(seed, this));
        this.bitdeer = new BitdeerSnapshot(live);
        this.microBt = new MicroBtSnapshot(live);
        this.antspace = new AntspaceSnapshot(live);
    }

    private ContainerSnapshot containerWriter(ContainerModel model) {
        return model.isBitdeer() ? bitdeer : model.isMicroBt() ? microBt : antspace;
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
            last.put("err", OrkErrors.THING_CONNECTION_FAILURE);
            last.put("ts", ts);
            return;
        }
        switch (thing.role()) {
            case ThingRole.Miner m -> {
                MinerSample s = live.miner(thing, t);
                alerts = s.alerts();
                if (snap != null) {
                    miners.get(m.model().brand()).write(snap, thing, m, s, t);
                }
            }
            case ThingRole.Container c -> {
                ContainerSample s = live.container(c.site(), t);
                alerts = s.alerts();
                if (snap != null) {
                    containerWriter(c.site().model()).write(snap, c.site(), s, t);
                }
            }
            case ThingRole.Meter m -> {
                MeterSample s = live.meter(thing, t);
                alerts = null;
                if (snap != null) {
                    meters.write(snap, thing, s);
                }
            }
            case ThingRole.Sensor s -> {
                SensorSample sample = live.sensor(thing, t);
                alerts = sample.alerts();
                if (snap != null) {
                    sensors.write(snap, sample);
                }
            }
            case ThingRole.Part p -> { // inventory racks poll nothing: a part has no snapshot and no alerts
                alerts = null;
                last.put("snap", null);
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

    /** {@code snap} of a device the rack could not reach. */
    static void offlineSnap(Doc snap) {
        snap.put("success", false);
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("status", "offline");
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
}
