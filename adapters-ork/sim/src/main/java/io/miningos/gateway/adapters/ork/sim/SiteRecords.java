package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.live.JsonObjects;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.PoolAccount;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The ORK's small records: worker settings per rack, the global config, thing comments, and the per-rack configs
 * ({@code getWrkConf}, {@code getThingConf}). Kept for the life of the process (and persisted by the caller).
 */
final class SiteRecords {

    private final Site site;
    private final Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
    private final Map<String, Object> globalConfig;

    SiteRecords(Site site) {
        this.site = site;
        this.globalConfig = defaultGlobalConfig(site);
    }

    /** The site's nameplate figures: installed miners (maintenance excluded) and container slots. */
    private static Map<String, Object> defaultGlobalConfig(Site site) {
        double nominalMhs = 0;
        double nominalW = 0;
        int capacity = 0;
        for (ContainerSite c : site.containers()) {
            ContainerModel m = c.model();
            capacity += m.capacity();
            nominalMhs += c.miners().size() * m.minerModel().nominalMhs();
            nominalW += c.miners().size() * m.minerModel().nominalPowerW();
        }
        double availableMw = Math.ceil(nominalW * 1.1 / 1e5) / 10.0;
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("aggrTailLogTimezones", new ArrayList<>(List.of(JsonObjects.of("code", "UTC", "offset", 0))));
        g.put("nominalSiteHashrate_MHS", Math.round(nominalMhs));
        g.put("nominalHashrate", Math.round(nominalMhs)); // the name the analytics routes ask for, also MH/s
        g.put("nominalSiteMinerCapacity", capacity);
        g.put("nominalSiteWeightedAvgEfficiency", nominalMhs == 0 ? 0
                : Math.round(nominalW / (nominalMhs / 1e6) * 100) / 100.0);
        g.put("nominalAvailablePowerMWh", availableMw);
        g.put("nominalPowerAvailability_MW", availableMw);
        g.put("siteEnergyDataThresholdMWh", 0.05);
        long available = Math.round(availableMw * 1e6);
        Map<String, Object> levels = new LinkedHashMap<>();
        levels.put("low", 50_000);
        levels.put("medium", Math.round(available * 0.9));
        levels.put("high", Math.round(available * 0.95));
        levels.put("critical", Math.round(available * 0.99));
        g.put("consumptionLevels", levels);
        Map<String, Object> tr = new LinkedHashMap<>();
        tr.put("medium", 1_300_000);
        tr.put("high", 1_400_000);
        g.put("transformerThresholds", tr);
        g.put("isAutoSleepAllowed", false);
        return g;
    }

    // ------------------------------------------------------------------ settings

    private SimRack rackOf(Map<String, Object> req) {
        if (!(req.get("rackId") instanceof String rackId) || rackId.isEmpty()) {
            throw new OrkError(OrkErrors.RACK_ID_INVALID);
        }
        return site.rack(rackId);
    }

    Object getSettings(Map<String, Object> req) {
        SimRack rack = rackOf(req);
        if (rack == null) {
            return 0;
        }
        return new LinkedHashMap<>(settings.getOrDefault(rack.id(), Map.of()));
    }

    @SuppressWarnings("unchecked")
    Object saveSettings(Map<String, Object> req) {
        SimRack rack = rackOf(req);
        if (!(req.get("entries") instanceof Map<?, ?> entries)) {
            throw new OrkError(OrkErrors.ENTRIES_INVALID);
        }
        if (rack == null) {
            return 0;
        }
        Map<String, Object> merged = settings.computeIfAbsent(rack.id(), k -> new LinkedHashMap<>());
        merged.putAll((Map<String, Object>) entries);
        return new LinkedHashMap<>(merged);
    }

    Map<String, Map<String, Object>> settings() {
        return settings;
    }

    // ------------------------------------------------------------------ global config

    Object getGlobalConfig(Map<String, Object> req) {
        return Requests.projection(req.get("fields"), OrkErrors.FIELDS_INVALID).apply(JsonCopy.copy(globalConfig));
    }

    Object setGlobalConfig(Map<String, Object> req) {
        if (req.isEmpty()) {
            throw new OrkError(OrkErrors.CONFIG_INVALID);
        }
        if (!(req.get("isAutoSleepAllowed") instanceof Boolean allowed)) {
            return null;
        }
        globalConfig.put("isAutoSleepAllowed", allowed);
        return JsonCopy.copy(globalConfig);
    }

    Map<String, Object> globalConfig() {
        return globalConfig;
    }

    @SuppressWarnings("unchecked")
    List<Object> timezones() {
        return globalConfig.get("aggrTailLogTimezones") instanceof List<?> l ? (List<Object>) l : List.of();
    }

    // ------------------------------------------------------------------ comments

    /** The thing a comment request names, or null (the rack's error, which the ORK swallows into 0). */
    private SimThing commentTarget(Map<String, Object> req) {
        SimRack rack = rackOf(req);
        if (!(req.get("thingId") instanceof String thingId) || thingId.isEmpty()) {
            throw new OrkError(OrkErrors.THING_ID_INVALID);
        }
        if (rack == null) {
            return null;
        }
        SimThing thing = site.thing(thingId);
        return thing != null && thing.rackId().equals(rack.id()) ? thing : null;
    }

    int saveComment(Map<String, Object> req, long now) {
        SimThing thing = commentTarget(req);
        if (thing == null || !(req.get("comment") instanceof String text) || text.isBlank()
                || !(req.get("user") instanceof String user)) {
            return 0;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", UUID.randomUUID().toString());
        c.put("ts", now);
        c.put("user", user);
        c.put("comment", text);
        if (req.get("pos") != null) {
            c.put("pos", req.get("pos"));
        }
        thing.comments().add(c);
        return 1;
    }

    int editComment(Map<String, Object> req) {
        SimThing thing = commentTarget(req);
        Map<String, Object> c = thing == null ? null : findComment(thing, req);
        if (c == null || !(req.get("comment") instanceof String text) || text.isBlank()) {
            return 0;
        }
        c.put("comment", text);
        return 1;
    }

    int deleteComment(Map<String, Object> req) {
        SimThing thing = commentTarget(req);
        Map<String, Object> c = thing == null ? null : findComment(thing, req);
        if (c == null) {
            return 0;
        }
        thing.comments().remove(c);
        return 1;
    }

    /** The comment named by {@code id} (else {@code ts}), if {@code user} wrote it. */
    private static Map<String, Object> findComment(SimThing thing, Map<String, Object> req) {
        Object id = req.get("id");
        Long ts = Requests.asLong(req.get("ts"));
        for (Map<String, Object> c : thing.comments()) {
            boolean same = id != null ? id.equals(c.get("id")) : ts != null && ts.equals(Requests.asLong(c.get("ts")));
            if (same) {
                return c.get("user") != null && c.get("user").equals(req.get("user")) ? c : null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ worker configs

    private List<SimRack> racksOfType(Map<String, Object> req) {
        if (!(req.get("type") instanceof String type) || type.isEmpty()) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        List<SimRack> out = new ArrayList<>();
        for (SimRack r : site.racks()) {
            if (r.ofType(type)) {
                out.add(r);
            }
        }
        return out;
    }

    /** {@code getWrkConf}: each rack's global config; Bitdeer racks describe their PDU layouts. */
    List<Object> workerConfigs(Map<String, Object> req) {
        List<SimRack> racks = racksOfType(req);
        var fields = Requests.projection(req.get("fields"), OrkErrors.FIELDS_INVALID);
        List<Object> out = new ArrayList<>();
        for (SimRack rack : racks) {
            Map<String, Object> config = new LinkedHashMap<>();
            if (rack.type().startsWith("container-bd-")) {
                Map<String, Object> layouts = new LinkedHashMap<>();
                for (ContainerModel m : ContainerModel.values()) {
                    if (m.isBitdeer()) {
                        List<Object> pdus = new ArrayList<>();
                        for (String pdu : m.pdus()) {
                            List<Object> sockets = new ArrayList<>();
                            for (String s : m.sockets(pdu)) {
                                sockets.add(new LinkedHashMap<>(JsonObjects.of("socket", s, "enabled", false)));
                            }
                            Map<String, Object> p = new LinkedHashMap<>();
                            p.put("pdu", pdu);
                            p.put("sockets", sockets);
                            pdus.add(p);
                        }
                        layouts.put(m.type(), pdus);
                    }
                }
                config.put("pduGridLayout", layouts);
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rackId", rack.id());
            e.put("config", fields.apply(config));
            out.add(e);
        }
        return out;
    }

    /** {@code getThingConf}: the next free code, or a miner rack's default pools. */
    List<Object> thingConfigs(Map<String, Object> req) {
        List<SimRack> racks = racksOfType(req);
        Object requestType = req.get("requestType");
        List<Object> out = new ArrayList<>();
        for (SimRack rack : racks) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rackId", rack.id());
            if ("nextAvailableCode".equals(requestType) && rack.kind().holdsThings()) {
                e.put("requestValue", nextCode(rack));
            } else if ("poolConfig".equals(requestType) && rack.kind() == ThingKind.MINER) {
                e.put("requestValue", poolConfig());
            } else {
                e.put("config", null);
            }
            out.add(e);
        }
        return out;
    }

    private static String nextCode(SimRack rack) {
        int max = 0;
        for (SimThing t : rack.things()) {
            String code = t.code();
            try {
                max = Math.max(max, Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
            } catch (NumberFormatException e) {
                // codes always end in digits; a foreign one simply does not count
            }
        }
        String prefix = rack.type().substring(rack.type().indexOf('-') + 1).toUpperCase(Locale.ROOT);
        return prefix + "-" + String.format("%04d", max + 1);
    }

    private List<Object> poolConfig() {
        List<Object> out = new ArrayList<>();
        for (PoolAccount p : site.pools()) {
            for (String url : p.urls()) {
                if (url.isEmpty()) {
                    continue;
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("url", url);
                e.put("worker_name", p.username());
                e.put("worker_password", "x");
                e.put("pool", p.poolType());
                out.add(e);
            }
        }
        return out;
    }
}
