package io.miningos.gateway.adapters.ork.sim.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a site from a seed and a size: containers of mixed models filled with their miner model, one power meter
 * per container, a meter and two temperature sensors per transformer (one transformer per four containers), a
 * site meter, and two pool accounts. The same inputs always give the same site.
 */
public final class SiteGenerator {

    /** Racks split their things at this count, as large sites run several rack workers per model. */
    static final int MAX_MINERS_PER_RACK = 2_000;
    private static final long DAY = 86_400_000L;
    private static final long EARLIEST_COMMISSIONING = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private final long seed;
    private final int minerTarget;
    private final String siteName;
    private final String tag;
    private final long commissionedAt;
    private final int m63Miners;
    private final boolean dcsHall;
    private List<PoolAccount> pools;
    private PoolConfigs poolConfigs;
    private int nextIndex;

    private SiteGenerator(long seed, int minerTarget, int m63Miners, boolean dcsHall, String siteName, long now) {
        this.seed = seed;
        this.minerTarget = minerTarget;
        this.m63Miners = m63Miners;
        this.dcsHall = dcsHall;
        this.siteName = siteName;
        this.tag = seedTag(seed);
        this.commissionedAt = Math.min(EARLIEST_COMMISSIONING, Math.floorDiv(now - 180 * DAY, DAY) * DAY);
    }

    /**
     * @param miners approximate number of miners (at least 1)
     * @param now    the current instant, only to place the commissioning date at least 180 days back
     */
    public static Site generate(long seed, int miners, String siteName, long now) {
        return generate(seed, miners, 0, siteName, now);
    }

    /**
     * @param m63Miners Whatsminer M63s in one more container (a MicroBT Wonderint) after the planned ones, so the
     *                  site has a rack reporting per-device groups; 0 for none, at most the container's capacity
     */
    public static Site generate(long seed, int miners, int m63Miners, String siteName, long now) {
        return generate(seed, miners, m63Miners, false, siteName, now);
    }

    /**
     * @param dcsHall the planned miners stand in a DCS-run hall instead of containers: groups {@code group-1…N} of
     *                {@link ContainerModel#DCS_GROUP} (four racks of 20), filled in order
     */
    public static Site generate(long seed, int miners, int m63Miners, boolean dcsHall, String siteName, long now) {
        if (miners < 1) {
            throw new IllegalArgumentException("miners must be at least 1");
        }
        if (m63Miners < 0 || m63Miners > ContainerModel.MBT_WONDERINT.capacity()) {
            throw new IllegalArgumentException("m63Miners must be between 0 and "
                    + ContainerModel.MBT_WONDERINT.capacity());
        }
        return new SiteGenerator(seed, miners, m63Miners, dcsHall, siteName, now).build();
    }

    /** Three base-36 characters from the seed; part of rack ids and container names. */
    static String seedTag(long seed) {
        long h = Noise.hash(seed, 0x7A6L);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(Character.forDigit(Noise.below(Noise.hash(h, i), 36), 36));
        }
        return sb.toString();
    }

    private Site build() {
        int maintenance = minerTarget >= 50 ? Math.max(1, minerTarget / 100) : 0;
        int containerised = minerTarget - maintenance;

        pools = List.of(
                new PoolAccount("minerpool-f2pool-" + tag + "-1", "f2pool", siteName.replace("-", "") + tag,
                        List.of("stratum+tcp://btc.f2pool.com:1314", "stratum+tcp://btc-asia.f2pool.com:1314",
                                "stratum+tcp://btc-euro.f2pool.com:1314")),
                new PoolAccount("minerpool-ocean-" + tag + "-1", "ocean", "bc1q" + Noise.alnum(Noise.hash(seed, 9), 20)
                        .toLowerCase(Locale.ROOT), List.of("stratum+tcp://mine.ocean.xyz:3334",
                        "stratum+tcp://mine.ocean.xyz:3334", "")));

        // plan the containers first (model and fill), then give every fourth one, or the last of two or three,
        // to the second pool account
        List<ContainerModel> order = dcsHall ? List.of(ContainerModel.DCS_GROUP) : shuffledModels();
        List<ContainerModel> models = new ArrayList<>();
        List<Integer> fills = new ArrayList<>();
        int placed = 0;
        while (placed < containerised) {
            int ci = models.size();
            ContainerModel model = order.get(ci % order.size());
            int fill = dcsHall ? model.capacity()
                    : (int) Math.round(model.capacity() * (0.88 + 0.12 * Noise.unit(seed, 11, ci)));
            int count = Math.min(Math.max(1, fill), containerised - placed);
            models.add(model);
            fills.add(count);
            placed += count;
        }
        if (m63Miners > 0) {
            models.add(ContainerModel.MBT_WONDERINT);
            fills.add(m63Miners);
        }
        poolConfigs = PoolConfigs.of(seed, pools, commissionedAt);
        List<ContainerSite> containers = new ArrayList<>();
        for (int ci = 0; ci < models.size(); ci++) {
            boolean ocean = ci % 4 == 3 || models.size() < 4 && models.size() >= 2 && ci == models.size() - 1;
            ContainerModel model = models.get(ci);
            String name = model == ContainerModel.DCS_GROUP ? "group-" + (ci + 1) : model.brand() + "-" + tag + (ci + 1);
            containers.add(new ContainerSite(ci, name, model, ci / 4 + 1,
                    ocean ? pools.get(1) : pools.get(0)));
        }
        int transformers = (containers.size() + 3) / 4;

        Map<String, SimRack> racks = new LinkedHashMap<>();
        Map<String, Integer> codeSeq = new LinkedHashMap<>();

        // miners, grouped per model into racks of at most MAX_MINERS_PER_RACK
        Map<MinerModel, List<Object[]>> minersByModel = new LinkedHashMap<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            ContainerSite c = containers.get(ci);
            List<String> positions = c.model().positions();
            for (int p = 0; p < fills.get(ci); p++) {
                minersByModel.computeIfAbsent(c.model().minerModel(), k -> new ArrayList<>())
                        .add(new Object[]{c, positions.get(p), p});
            }
        }
        for (int m = 0; m < maintenance; m++) {
            MinerModel model = order.get(m % order.size()).minerModel();
            minersByModel.computeIfAbsent(model, k -> new ArrayList<>()).add(new Object[]{null, null, m});
        }
        for (Map.Entry<MinerModel, List<Object[]>> e : minersByModel.entrySet()) {
            MinerModel model = e.getKey();
            List<Object[]> list = e.getValue();
            for (int i = 0; i < list.size(); i++) {
                int rackNo = i / MAX_MINERS_PER_RACK + 1;
                SimRack rack = rack(racks, model.type() + "-" + tag + "-" + rackNo, model.type(), ThingKind.MINER);
                Object[] slot = list.get(i);
                SimThing miner = miner(rack, model, (ContainerSite) slot[0], (String) slot[1], (int) slot[2], codeSeq);
                rack.things().add(miner);
                if (slot[0] != null) {
                    ((ContainerSite) slot[0]).miners().add(miner);
                }
            }
        }

        for (ContainerSite c : containers) {
            String type = c.model().type();
            SimRack rack = rack(racks, type + "-" + tag + "-1", type, ThingKind.CONTAINER);
            SimThing thing = container(rack, c, codeSeq);
            rack.things().add(thing);
            c.attach(thing);
        }

        for (ContainerSite c : containers) {
            SimRack rack = rack(racks, "powermeter-abb-m4m20-" + tag + "-1", "powermeter-abb-m4m20",
                    ThingKind.POWERMETER);
            Map<String, Object> info = baseInfo(c.index() + 3);
            info.put("container", c.name());
            rack.things().add(meter(rack, new ThingRole.Meter(ThingRole.MeterScope.CONTAINER, c.transformer(), c),
                    info, codeSeq, 20 + c.index()));
        }
        for (int tr = 1; tr <= transformers; tr++) {
            SimRack rack = rack(racks, "powermeter-abb-b24-" + tag + "-1", "powermeter-abb-b24", ThingKind.POWERMETER);
            Map<String, Object> info = baseInfo(tr);
            info.put("pos", "tr" + tr);
            rack.things().add(meter(rack, new ThingRole.Meter(ThingRole.MeterScope.TRANSFORMER, tr, null), info,
                    codeSeq, tr));
        }
        SimRack siteMeterRack = rack(racks, "powermeter-abb-reu615-" + tag + "-1", "powermeter-abb-reu615",
                ThingKind.POWERMETER);
        Map<String, Object> siteInfo = baseInfo(0);
        siteInfo.put("pos", "site");
        siteMeterRack.things().add(meter(siteMeterRack, new ThingRole.Meter(ThingRole.MeterScope.SITE, 0, null),
                siteInfo, codeSeq, 0));

        SimRack sensorRack = rack(racks, "sensor-temp-seneca-" + tag + "-1", "sensor-temp-seneca", ThingKind.SENSOR);
        for (int tr = 1; tr <= transformers; tr++) {
            sensorRack.things().add(sensor(sensorRack, true, tr, codeSeq));
            sensorRack.things().add(sensor(sensorRack, false, tr, codeSeq));
        }

        List<SimThing> allMiners = new ArrayList<>();
        racks.values().forEach(r -> r.things().stream().filter(t -> t.kind() == ThingKind.MINER)
                .forEach(allMiners::add));
        for (SimRack partRack : SpareParts.racks(seed, tag, siteName, commissionedAt, allMiners,
                () -> nextIndex++, idAndType -> rack(racks, idAndType[0], idAndType[1], ThingKind.INVENTORY))) {
            racks.put(partRack.id(), partRack);
        }

        List<SimRack> all = new ArrayList<>(racks.values());
        for (PoolAccount pool : pools) {
            all.add(new SimRack(pool.rackId(), pool.rackType(), ThingKind.MINERPOOL, rpcKey(pool.rackId())));
        }
        // the external-data workers: the public chain's figures and the site's electricity supply
        for (ThingKind ext : List.of(ThingKind.MEMPOOL, ThingKind.ELECTRICITY)) {
            String id = ext.baseType() + "-" + tag + "-1";
            all.add(new SimRack(id, ext.baseType(), ext, rpcKey(id)));
        }
        return new Site(seed, siteName, tag, commissionedAt, all, containers, pools, transformers);
    }

    private List<ContainerModel> shuffledModels() {
        List<ContainerModel> models = new ArrayList<>(List.of(ContainerModel.values()));
        models.remove(ContainerModel.DCS_GROUP);
        for (int i = models.size() - 1; i > 0; i--) {
            int j = Noise.below(Noise.hash(seed, 5, i), i + 1);
            ContainerModel tmp = models.get(i);
            models.set(i, models.get(j));
            models.set(j, tmp);
        }
        return models;
    }

    private SimRack rack(Map<String, SimRack> racks, String id, String type, ThingKind kind) {
        return racks.computeIfAbsent(id, k -> new SimRack(k, type, kind, rpcKey(k)));
    }

    private String rpcKey(String rackId) {
        long h = Noise.hash(seed, Noise.of(rackId));
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            sb.append(String.format("%016x", Noise.hash(h, i)));
        }
        return sb.toString();
    }

    private String nextCode(String type, Map<String, Integer> codeSeq) {
        int n = codeSeq.merge(type, 1, Integer::sum);
        return type.substring(type.indexOf('-') + 1).toUpperCase(Locale.ROOT) + "-" + String.format("%04d", n);
    }

    private Map<String, Object> baseInfo(int salt) {
        Map<String, Object> info = new LinkedHashMap<>();
        long created = commissionedAt + Noise.below(Noise.hash(seed, 13, salt), 30) * DAY
                + Noise.below(Noise.hash(seed, 14, salt), 36_000_000);
        info.put("createdAt", created);
        info.put("updatedAt", created + Noise.below(Noise.hash(seed, 15, salt), 20) * DAY);
        return info;
    }

    private SimThing miner(SimRack rack, MinerModel model, ContainerSite c, String pos, int slot,
                           Map<String, Integer> codeSeq) {
        int index = nextIndex++;
        long h = Noise.hash(seed, 100, index);
        String id = Noise.alnum(h, 15);
        String code = nextCode(model.type(), codeSeq);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("site", siteName);
        int ci = c == null ? 0 : c.index();
        if (c != null) {
            info.put("location", "site.container");
            info.put("container", c.name());
            info.put("pos", pos);
            info.put("subnet", "10." + (20 + ci / 250) + "." + (ci % 250) + ".0/24");
        } else {
            info.put("location", "workshop.lab");
            info.put("container", "maintenance");
        }
        // the inventory status, in the UI's vocabulary: installed miners are new or repaired, pulled ones faulty
        double statusRoll = Noise.unit(Noise.hash(h, 5));
        info.put("status", c != null ? statusRoll < 0.85 ? "ok_brand_new" : "ok_repaired"
                : statusRoll < 0.7 ? "faulty" : "on_hold");
        info.put("serialNum", model.serialPrefix() + Noise.upper(Noise.hash(h, 1), 13));
        info.put("macAddress", mac(Noise.hash(h, 2)));
        info.put("nominalHashrateMhs", (long) model.nominalMhs());
        info.putAll(baseInfo(index + 1000));
        String override = c == null ? null : poolConfigs.minerOverride(seed, index, c.pool(), pools);
        if (override != null) {
            info.put("poolConfig", override);
        }
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("address", c == null ? "10.250." + (slot / 250) + "." + (slot % 250 + 1)
                : "10." + (20 + ci / 250) + "." + (ci % 250) + "." + (slot + 10));
        connection.put("port", model.brand().port());
        double modeRoll = Noise.unit(h, 3, 0);
        String mode = "normal";
        if (modeRoll < 0.01) {
            mode = "sleep";
        } else if (model.brand() != Brand.ANTMINER && modeRoll < 0.05) {
            mode = "low";
        } else if (model.brand() != Brand.ANTMINER && modeRoll < 0.11) {
            mode = "high";
        }
        MinerControl control = new MinerControl(mode, 3);
        double quality = 0.965 + 0.06 * Noise.unit(h, 4, 0);
        return new SimThing(index, ThingKind.MINER, id, code, model.type(), rack.id(),
                new ThingRole.Miner(model, c, pos, quality, control, true), info, connection, List.of("site-"
                        + siteName));
    }

    private SimThing container(SimRack rack, ContainerSite c, Map<String, Integer> codeSeq) {
        int index = nextIndex++;
        long h = Noise.hash(seed, 200, index);
        ContainerModel model = c.model();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("container", c.name());
        info.put("nominalMinerCapacity", model.capacity());
        info.put("nominalHashrateMhs", (long) (model.minerModel().nominalMhs() * model.capacity()));
        info.put("nominalEfficiencyWThs", model.minerModel().nominalEfficiency());
        info.putAll(baseInfo(c.index() + 3));
        info.put("poolConfig", poolConfigs.forAccount(c.pool(), pools));
        Map<String, Object> connection = new LinkedHashMap<>();
        if (model.isBitdeer()) {
            connection.put("containerId", "D40-" + Noise.upper(h, 6));
        } else {
            connection.put("address", "10.50." + (c.index() / 250) + "." + (c.index() % 250 + 10));
            connection.put("port", 502);
        }
        return new SimThing(index, ThingKind.CONTAINER, Noise.uuid(h, Noise.hash(h, 1)), nextCode(model.type(),
                codeSeq),
                model.type(), rack.id(), new ThingRole.Container(c), info, connection, List.of());
    }

    private SimThing meter(SimRack rack, ThingRole.Meter role, Map<String, Object> info,
                           Map<String, Integer> codeSeq, int addressSalt) {
        int index = nextIndex++;
        long h = Noise.hash(seed, 300, index);
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("address", "10.60." + (addressSalt / 250) + "." + (addressSalt % 250 + 2));
        connection.put("port", 502);
        connection.put("unitId", 1 + Noise.below(h, 8));
        return new SimThing(index, ThingKind.POWERMETER, Noise.uuid(h, Noise.hash(h, 1)),
                nextCode(rack.type(), codeSeq), rack.type(), rack.id(), role, info, connection, List.of());
    }

    private SimThing sensor(SimRack rack, boolean oil, int transformer, Map<String, Integer> codeSeq) {
        int index = nextIndex++;
        long h = Noise.hash(seed, 400, index);
        Map<String, Object> info = baseInfo(transformer + 500);
        info.put("pos", (oil ? "tr" : "lv") + transformer);
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("address", "10.61." + (transformer / 250) + "." + (transformer % 250 + 2));
        connection.put("port", 502);
        connection.put("unitId", oil ? 1 : 2);
        return new SimThing(index, ThingKind.SENSOR, Noise.uuid(h, Noise.hash(h, 1)), nextCode(rack.type(), codeSeq),
                rack.type(), rack.id(), new ThingRole.Sensor(oil, transformer), info, connection, List.of());
    }

    /** A unicast MAC address from a hash. */
    static String mac(long h) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            int b = (int) ((h >>> (i * 8)) & 0xFF);
            if (i == 0) {
                b = (b & 0xFC) | 0x00; // unicast, globally administered
            }
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
