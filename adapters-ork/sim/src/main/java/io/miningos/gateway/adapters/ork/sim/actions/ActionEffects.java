package io.miningos.gateway.adapters.ork.sim.actions;

import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.Brand;
import io.miningos.gateway.adapters.ork.sim.site.ContainerControl;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.MinerControl;
import io.miningos.gateway.adapters.ork.sim.site.MinerModel;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What executing an action does to the site: each call changes its target's timelines from the execution instant
 * on (a reboot takes the miner offline for a few minutes, a power mode changes draw and hashrate, a container
 * switched off drops its miners...), and yields the per-call {@code result} or {@code error} a device gives.
 * Targets that do not answer at that instant fail with the rack's connection error and stay unchanged.
 */
public final class ActionEffects implements ActionBook.Executor {

    static final long LED_ON_MS = 120_000L;
    static final long RACK_RESTART_MS = 30_000L;
    private static final String NOT_REACHABLE = "[HRPC_ERR]=ERR_THING_CONNECTION_FAILURE";

    private final Site site;
    private final LiveSite live;
    private final InfoHistory history;
    private final boolean replay;

    /**
     * @param replay true when rebuilding state from persisted actions: comments they once added are already in the
     *               persisted comments and are not added again
     */
    public ActionEffects(LiveSite live, InfoHistory history, boolean replay) {
        this.site = live.site();
        this.live = live;
        this.history = history;
        this.replay = replay;
    }

    @Override
    public Map<String, List<Map<String, Object>>> execute(SimAction a, long at) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        a.callIds().forEach((rackId, ids) -> {
            SimRack rack = site.rack(rackId);
            List<Map<String, Object>> results = new ArrayList<>();
            for (String id : ids) {
                results.add(call(rack, id, a, at));
            }
            out.put(rackId, results);
        });
        return out;
    }

    private Map<String, Object> call(SimRack rack, String id, SimAction a, long at) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        try {
            if (rack == null) {
                throw new OrkError(OrkErrors.RACK_NOTFOUND);
            }
            if (rack.restarting(at) && !a.action.equals("rackReboot")) {
                outcome.put("error", "CHANNEL_CLOSED");
                return outcome;
            }
            Object result = switch (a.action) {
                case "rackReboot" -> {
                    rack.restart(at, RACK_RESTART_MS);
                    yield 1;
                }
                case "updateThing" -> updateThing(rack, a, at);
                case "registerThing" -> registerThing(rack, a, at);
                case "forgetThings" -> forgetThing(rack, a);
                default -> thingCall(site.thing(id), a, at);
            };
            outcome.put("result", result);
        } catch (OrkError e) {
            outcome.put("error", e.code().startsWith(OrkErrors.THING_CONNECTION) ? NOT_REACHABLE : "[HRPC_ERR]="
                    + e.code());
        }
        return outcome;
    }

    private Object thingCall(SimThing thing, SimAction a, long at) {
        if (thing == null) {
            throw new OrkError(OrkErrors.THING_NOTFOUND);
        }
        List<Object> params = a.params;
        Object p0 = params.isEmpty() ? null : params.get(0);
        return switch (thing.role()) {
            case ThingRole.Miner m -> minerCall(thing, m, a.action, p0, at);
            case ThingRole.Container c -> containerCall(c.site(), a.action, params, at);
            default -> throw new OrkError(OrkErrors.NO_IMPL);
        };
    }

    private Object minerCall(SimThing thing, ThingRole.Miner role, String action, Object p0, long at) {
        if (live.miner(thing, live.sampleInstant(thing, at)).offline()) {
            throw new OrkError(OrkErrors.THING_CONNECTION_FAILURE);
        }
        MinerControl ctl = role.control();
        switch (action) {
            case "reboot" -> reboot(thing, ctl, at);
            case "setPowerMode" -> ctl.powerMode.set(at, (String) p0);
            case "setLED" -> ctl.ledUntil.set(at, Boolean.TRUE.equals(p0) ? at + LED_ON_MS : 0L);
            case "setPowerPct" -> {
                int pct = ((Number) p0).intValue();
                if (pct > 100 && "air".equals(role.model().cooling())) {
                    return failure("ERR_POWER_PCT_NOT_SUPPORTED: air-cooled models accept 0-100");
                }
                ctl.powerPct.set(at, pct);
            }
            case "setUpfreqSpeed" -> ctl.upfreqSpeed.set(at, ((Number) p0).intValue());
            case "setupPools" -> {
                setupPools(thing, role, ctl, p0, at);
                reboot(thing, ctl, at);
            }
            case "updateFirmware" -> {
                if (role.model().brand() == Brand.ANTMINER) {
                    throw new OrkError(OrkErrors.NO_IMPL);
                }
                reboot(thing, ctl, at);
            }
            default -> throw new OrkError(OrkErrors.NO_IMPL);
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("success", true);
        return ok;
    }

    private static Map<String, Object> failure(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", false);
        m.put("error_msg", message);
        return m;
    }

    private void reboot(SimThing thing, MinerControl ctl, long at) {
        long down = 150_000L + Noise.below(Noise.hash(site.seed(), thing.index(), at), 150_000);
        ctl.reboot.set(at, new long[]{at, at + down});
    }

    @SuppressWarnings("unchecked")
    private void setupPools(SimThing thing, ThingRole.Miner role, MinerControl ctl, Object p0, long at) {
        if (p0 == null) {
            ctl.pools.set(at, null);
            return;
        }
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) p0).get("config");
        List<String[]> pools = new ArrayList<>();
        for (Object o : (List<Object>) config.get("poolUrls")) {
            Map<String, Object> p = (Map<String, Object>) o;
            if (pools.size() < 3) {
                pools.add(new String[]{(String) p.get("url"), p.get("workerName") + "." + thing.id()});
            }
        }
        while (pools.size() < 3) {
            pools.add(new String[]{"", ""});
        }
        ctl.pools.set(at, List.copyOf(pools));
        if (config.get("id") != null) {
            Map<String, Object> info = new LinkedHashMap<>(thing.info());
            info.put("poolConfig", String.valueOf(config.get("id")));
            thing.updateInfo(info, null);
        }
    }

    @SuppressWarnings("unchecked")
    private Object containerCall(ContainerSite c, String action, List<Object> params, long at) {
        if (live.container(c, live.sampleInstant(c.thing(), at)).offline()) {
            throw new OrkError(OrkErrors.THING_CONNECTION_FAILURE);
        }
        ContainerControl ctl = c.control();
        Object p0 = params.isEmpty() ? null : params.get(0);
        switch (action) {
            case "switchContainer" -> ctl.running.set(at, (Boolean) p0);
            case "switchCoolingSystem" -> ctl.cooling.set(at, (Boolean) p0);
            case "switchSocket" -> {
                Set<String> disabled = new HashSet<>(ctl.disabledSockets.at(at));
                for (Object item : (List<Object>) p0) {
                    List<Object> t = (List<Object>) item;
                    String pdu = (String) t.get(0);
                    String socket = (String) t.get(1);
                    boolean enabled = (Boolean) t.get(2);
                    for (String p : c.model().pdus()) {
                        if (!pdu.equals("-1") && !pdu.equals(p)) {
                            continue;
                        }
                        for (String s : c.model().sockets(p)) {
                            if (socket.equals("-1") || socket.equals(s)) {
                                if (enabled) {
                                    disabled.remove(p + "_" + s);
                                } else {
                                    disabled.add(p + "_" + s);
                                }
                            }
                        }
                    }
                }
                ctl.disabledSockets.set(at, Set.copyOf(disabled));
            }
            case "resetAlarm" -> ctl.alarmResetAt.set(at, at);
            case "setTemperatureSettings" -> {
                Map<String, Object> merged = new LinkedHashMap<>(ctl.temperatureSettings.at(at));
                merged.putAll((Map<String, Object>) p0);
                ctl.temperatureSettings.set(at, Map.copyOf(merged));
            }
            case "setTankEnabled" -> vendor(ctl, at, "tank" + ((Number) p0).intValue(), params.get(1));
            case "setAirExhaustEnabled" -> vendor(ctl, at, "exhaustFan", p0);
            case "setCoolingFanThreshold", "setLiquidSupplyTemperature" -> {
                Map<String, Object> merged = new LinkedHashMap<>(ctl.vendorSettings.at(at));
                merged.putAll((Map<String, Object>) p0);
                ctl.vendorSettings.set(at, Map.copyOf(merged));
            }
            case "resetCoolingSystem" -> ctl.cooling.set(at, true);
            default -> throw new OrkError(OrkErrors.NO_IMPL);
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("success", true);
        return ok;
    }

    private static void vendor(ContainerControl ctl, long at, String key, Object value) {
        Map<String, Object> merged = new LinkedHashMap<>(ctl.vendorSettings.at(at));
        merged.put(key, value);
        ctl.vendorSettings.set(at, Map.copyOf(merged));
    }

    /**
     * {@code updateThing}: merges (or with {@code forceOverwrite} replaces) {@code info}, adds tags and an optional
     * comment, logs what changed. Miners stay in their socket: {@code info.container} may only switch between the
     * miner's container and {@code maintenance}, and {@code info.pos} may not move it.
     */
    @SuppressWarnings("unchecked")
    private Object updateThing(SimRack rack, SimAction a, long at) {
        Map<String, Object> req = (Map<String, Object>) a.params.get(0);
        SimThing thing = site.thing(String.valueOf(req.get("id")));
        if (thing == null || !thing.rackId().equals(rack.id())) {
            throw new OrkError(OrkErrors.THING_NOTFOUND);
        }
        Map<String, Object> before = new LinkedHashMap<>(thing.info());
        Map<String, Object> after = Boolean.TRUE.equals(req.get("forceOverwrite"))
                ? new LinkedHashMap<>() : new LinkedHashMap<>(before);
        if (req.get("info") instanceof Map<?, ?> info) {
            after.putAll((Map<String, Object>) info);
        } else if (req.containsKey("info")) {
            throw new OrkError(OrkErrors.THING_INFO_INVALID);
        }
        after.put("createdAt", before.get("createdAt"));
        if (thing.role() instanceof ThingRole.Miner m) {
            Object container = after.get("container");
            String own = m.container() == null ? null : m.container().name();
            boolean toMaintenance = "maintenance".equals(container);
            if (!toMaintenance && container != null && !container.equals(own)) {
                throw new OrkError(OrkErrors.THING_VALIDATE_CONTAINER_INVALID);
            }
            Object pos = after.get("pos");
            if (pos != null && !pos.equals(m.pos())) {
                throw new OrkError(OrkErrors.THING_POS_EXISTS);
            }
            if (toMaintenance || own == null) {
                after.remove("pos");
            } else if (m.pos() != null) {
                after.put("pos", m.pos());
            }
            m.control().maintenance.set(at, toMaintenance || own == null);
        }
        if (req.get("tags") != null && !(req.get("tags") instanceof List<?>)) {
            throw new OrkError(OrkErrors.THING_TAGS_INVALID);
        }
        after.put("updatedAt", at);
        after.put("lastActionId", a.id);
        List<String> tags = new ArrayList<>();
        if (req.get("tags") instanceof List<?> l) {
            l.forEach(t -> tags.add(String.valueOf(t)));
        }
        thing.updateInfo(after, tags);
        if (!replay) {
            addRequestComment(thing, req, at, a.votesPos.get(0));
        }
        history.add(new InfoHistory.Entry(at, thing.id(), rack.id(), InfoHistory.diff(before, after)));
        return 1;
    }

    private static final Pattern MAC = Pattern.compile(
            "[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){4}");

    /**
     * {@code registerThing}; a part rack's rules are {@link PartRegistration}'s. On a miner rack: validates like the
     * rack (ids, codes, MAC and serial numbers, address) and adds a miner that the rack cannot reach yet
     * ({@code last.err} set, no snapshot). New miners cannot be placed into a simulated container socket, so
     * {@code info.container} may only be empty or {@code maintenance}.
     */
    @SuppressWarnings("unchecked")
    private Object registerThing(SimRack rack, SimAction a, long at) {
        Map<String, Object> req = (Map<String, Object>) a.params.get(0);
        if (rack.kind() == ThingKind.INVENTORY) {
            SimThing part = PartRegistration.part(site, rack, req, a.id, at);
            if (!replay) {
                addRequestComment(part, req, at, a.votesPos.get(0));
            }
            site.add(part);
            return 1;
        }
        MinerModel model = MinerModel.ofType(rack.type());
        if (model == null) {
            throw new OrkError(OrkErrors.NO_IMPL);
        }
        String id = req.get("id") instanceof String given && !given.isEmpty() ? given
                : Noise.alnum(Noise.hash(site.seed(), a.id, 0x5EEDL), 15);
        if (site.thing(id) != null) {
            throw new OrkError(OrkErrors.THING_WITH_ID_ALREADY_EXISTS);
        }
        String code = req.get("code") instanceof String c ? c : null;
        if (code != null && !code.matches(".*-\\d+$")) {
            throw new OrkError(OrkErrors.THING_CODE_INVALID);
        }
        if (req.containsKey("opts") && !(req.get("opts") instanceof Map<?, ?>)) {
            throw new OrkError(OrkErrors.THING_VALIDATE_OPTS_INVALID);
        }
        if (req.containsKey("info") && !(req.get("info") instanceof Map<?, ?>)) {
            throw new OrkError(OrkErrors.THING_INFO_INVALID);
        }
        if (req.get("tags") != null && !(req.get("tags") instanceof List<?>)) {
            throw new OrkError(OrkErrors.THING_TAGS_INVALID);
        }
        Map<String, Object> opts = req.get("opts") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
        Map<String, Object> info = new LinkedHashMap<>(req.get("info") instanceof Map<?, ?> i
                ? (Map<String, Object>) i : Map.of());
        Object container = info.get("container");
        if (container != null && !"maintenance".equals(container)) {
            throw new OrkError(OrkErrors.THING_VALIDATE_CONTAINER_INVALID);
        }
        info.remove("pos");
        Object mac = info.get("macAddress");
        if (mac != null) {
            checkMac(mac);
        }
        int maxCode = 0;
        for (SimThing t : rack.things()) {
            if (code != null && code.equals(t.code())) {
                throw new OrkError(OrkErrors.THING_WITH_CODE_ALREADY_EXISTS);
            }
            if (mac != null && String.valueOf(mac).equalsIgnoreCase(String.valueOf(t.info().get("macAddress")))) {
                throw new OrkError(OrkErrors.THING_MACADDRESS_EXISTS);
            }
            if (info.get("serialNum") != null && info.get("serialNum").equals(t.info().get("serialNum"))) {
                throw new OrkError(OrkErrors.THING_SERIALNUM_EXISTS);
            }
            if (opts.get("address") != null && opts.get("address").equals(t.connection().get("address"))) {
                throw new OrkError(OrkErrors.THING_IP_ADDRESS_EXISTS);
            }
            String c = t.code();
            maxCode = Math.max(maxCode, Integer.parseInt(c.substring(c.lastIndexOf('-') + 1)));
        }
        if (code == null) {
            code = rack.type().substring(rack.type().indexOf('-') + 1).toUpperCase(Locale.ROOT)
                    + "-" + String.format("%04d", maxCode + 1);
        }
        info.put("createdAt", at);
        info.put("updatedAt", at);
        Map<String, Object> connection = new LinkedHashMap<>();
        if (opts.get("address") != null) {
            connection.put("address", opts.get("address"));
            connection.put("port", opts.getOrDefault("port", model.brand().port()));
        }
        List<String> tags = new ArrayList<>();
        if (req.get("tags") instanceof List<?> l) {
            l.forEach(t -> tags.add(String.valueOf(t)));
        }
        SimThing thing = new SimThing(site.nextIndex(), ThingKind.MINER, id,
                code, rack.type(), rack.id(), new ThingRole.Miner(model, null, null, 1.0,
                new MinerControl("normal", 3), false), info, connection, tags);
        if (!replay) {
            addRequestComment(thing, req, at, a.votesPos.get(0));
        }
        site.add(thing);
        return 1;
    }

    /** A MAC address as the racks accept it: six hex pairs split by {@code :} or {@code -}, not multicast. */
    static void checkMac(Object mac) {
        if (!(mac instanceof String m) || !MAC.matcher(m).matches()) {
            throw new OrkError(OrkErrors.THING_MACADDRESS_INVALID);
        }
        if ((Integer.parseInt(m.substring(0, 2), 16) & 1) == 1) {
            throw new OrkError(OrkErrors.THING_MACADDRESS_MULTICAST);
        }
    }

    /** {@code forgetThings} with {@code query.id}: the thing leaves its rack (and container). */
    private Object forgetThing(SimRack rack, SimAction a) {
        @SuppressWarnings("unchecked")
        Map<String, Object> query = (Map<String, Object>) ((Map<String, Object>) a.params.get(0)).get("query");
        SimThing thing = site.thing(String.valueOf(query.get("id")));
        if (thing == null || !thing.rackId().equals(rack.id())) {
            throw new OrkError(OrkErrors.THING_NOTFOUND);
        }
        site.remove(thing);
        return 1;
    }

    /**
     * The {@code comment} of a register/update request, kept as the rack does: with {@code ts} and {@code user}
     * but no {@code id} (docs/ORK.md §10.1).
     */
    private static void addRequestComment(SimThing thing, Map<String, Object> req, long at, String user) {
        if (req.get("comment") instanceof String comment && !comment.isBlank()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("ts", at);
            c.put("user", user);
            c.put("comment", comment);
            thing.comments().add(c);
        }
    }
}
