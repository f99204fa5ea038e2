package io.miningos.gateway.adapters.ork.sim.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The spare-part inventory of a site: one inventory rack per part type ({@code inventory-miner_part-psu},
 * {@code -hashboard}, {@code -controller}), holding parts for the brands and models of the site's miners, in
 * proportion to their numbers. A part's {@code info} is what the UI's Inventory pages write and read: the miner
 * brand it fits ({@code parentDeviceModel} {@code am|wm|av}), its model ({@code subType}), serial (and MAC for
 * controllers), {@code location} and {@code status} in the UI's vocabulary, and, for a part fitted in a miner,
 * that miner's id, code, type and serial. Codes are the inventory rack's {@code <PS|HB|CB>-<BRAND>-<SUBTYPE>-<NN>}.
 */
public final class SpareParts {

    private static final long DAY = 86_400_000L;
    /** A part rack holds at most this many parts (racks split at 2,000 things). */
    static final int MAX_PER_RACK = 2_000;

    /** The part types and how many spares a site keeps per miner. */
    public enum PartType {
        PSU("psu", "PS", 0.04), HASHBOARD("hashboard", "HB", 0.08), CONTROLLER("controller", "CB", 0.03);

        private final String name;
        private final String prefix;
        private final double perMiner;

        PartType(String name, String prefix, double perMiner) {
            this.name = name;
            this.prefix = prefix;
            this.perMiner = perMiner;
        }

        /** The thing type of its rack and parts, e.g. {@code inventory-miner_part-psu}. */
        public String type() {
            return "inventory-miner_part-" + name;
        }

        /** The part type's name ({@code psu}, {@code hashboard}, {@code controller}). */
        public String partName() {
            return name;
        }

        /** The first segment of its parts' codes ({@code PS}, {@code HB}, {@code CB}). */
        public String codePrefix() {
            return prefix;
        }

        /** The part type of a rack or part type, or null. */
        public static PartType ofType(String type) {
            for (PartType t : values()) {
                if (t.type().equals(type)) {
                    return t;
                }
            }
            return null;
        }
    }

    private final long seed;
    private final String siteName;
    private final long commissionedAt;
    private final IntSupplier nextIndex;

    private SpareParts(long seed, String siteName, long commissionedAt, IntSupplier nextIndex) {
        this.seed = seed;
        this.siteName = siteName;
        this.commissionedAt = commissionedAt;
        this.nextIndex = nextIndex;
    }

    /**
     * The part racks with their parts, for the site's {@code miners}.
     *
     * @param nextIndex hands out the next free thing index
     * @param newRack   makes an inventory rack from its id and type
     */
    public static List<SimRack> racks(long seed, String tag, String siteName, long commissionedAt,
                                      List<SimThing> miners, IntSupplier nextIndex,
                                      Function<String[], SimRack> newRack) {
        SpareParts parts = new SpareParts(seed, siteName, commissionedAt, nextIndex);
        Map<Brand, List<SimThing>> byBrand = new LinkedHashMap<>();
        for (Brand b : Brand.values()) {
            for (SimThing m : miners) {
                if (m.minerModel() != null && m.minerModel().brand() == b) {
                    byBrand.computeIfAbsent(b, k -> new ArrayList<>()).add(m);
                }
            }
        }
        List<SimRack> out = new ArrayList<>();
        for (PartType type : PartType.values()) {
            SimRack rack = newRack.apply(new String[]{type.type() + "-" + tag + "-1", type.type()});
            Map<String, Integer> sequence = new LinkedHashMap<>();
            int total = 0;
            for (List<SimThing> brandMiners : byBrand.values()) {
                total += (int) Math.round(brandMiners.size() * type.perMiner) + 2;
            }
            double scale = Math.min(1, MAX_PER_RACK / (double) Math.max(1, total));
            for (Map.Entry<Brand, List<SimThing>> e : byBrand.entrySet()) {
                int count = (int) Math.floor(((int) Math.round(e.getValue().size() * type.perMiner) + 2) * scale);
                for (int i = 0; i < count && rack.things().size() < MAX_PER_RACK; i++) {
                    rack.things().add(parts.part(rack, type, e.getKey(), e.getValue(), sequence));
                }
            }
            out.add(rack);
        }
        return out;
    }

    /** The part models ({@code subType}) a rack holds: its settings' {@code subPartTypes}. */
    public static List<String> subPartTypes(SimRack rack) {
        Set<String> out = new LinkedHashSet<>();
        rack.things().forEach(t -> out.add(String.valueOf(t.info().get("subType"))));
        return new ArrayList<>(out);
    }

    private SimThing part(SimRack rack, PartType type, Brand brand, List<SimThing> brandMiners,
                          Map<String, Integer> sequence) {
        int index = nextIndex.getAsInt();
        long h = Noise.hash(seed, 800, index);
        SimThing miner = brandMiners.get(Noise.below(Noise.hash(h, 1), brandMiners.size()));
        String subType = subType(type, brand, miner.minerModel());
        String brandKey = brand.typeSegment();
        String codeStem = type.prefix + "-" + brandKey.toUpperCase(Locale.ROOT) + "-" + subType;
        int n = sequence.merge(codeStem, 1, Integer::sum);
        String code = codeStem + "-" + String.format("%02d", n);

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("site", siteName);
        info.put("parentDeviceModel", brandKey);
        info.put("subType", subType);
        info.put("serialNum", type.prefix + brandKey.toUpperCase(Locale.ROOT) + Noise.upper(Noise.hash(h, 2), 12));
        if (type == PartType.CONTROLLER) {
            info.put("macAddress", SiteGenerator.mac(Noise.hash(h, 3)));
        }
        double u = Noise.unit(Noise.hash(h, 4));
        double v = Noise.unit(Noise.hash(h, 5));
        boolean fitted = u < 0.12 && miner.container() != null && !miner.inMaintenance();
        String status;
        String location;
        if (fitted) {
            status = v < 0.7 ? "ok_brand_new" : "ok_repaired";
            location = "site.container";
        } else if (u < 0.50) {
            status = "ok_brand_new";
            location = v < 0.75 ? "site.warehouse" : "workshop.warehouse";
        } else if (u < 0.58) {
            status = "ok_recovered";
            location = "site.warehouse";
        } else if (u < 0.68) {
            status = "ok_repaired";
            location = v < 0.6 ? "site.warehouse" : "site.lab";
        } else if (u < 0.82) {
            status = "faulty";
            location = v < 0.4 ? "site.lab" : v < 0.8 ? "workshop.lab" : "vendor";
        } else if (u < 0.88) {
            status = "on_hold";
            location = "workshop.warehouse";
        } else if (u < 0.94) {
            status = "scrapped";
            location = "workshop.lab";
        } else {
            status = "disposed";
            location = "disposed";
        }
        info.put("location", location);
        info.put("status", status);
        if (fitted) {
            info.put("parentDeviceId", miner.id());
            info.put("parentDeviceCode", miner.code());
            info.put("parentDeviceType", miner.type());
            info.put("parentDeviceSN", miner.info().get("serialNum"));
        }
        long created = commissionedAt + Noise.below(Noise.hash(h, 6), 150) * DAY + Noise.below(Noise.hash(h, 7),
                36_000_000);
        info.put("createdAt", created);
        info.put("updatedAt", created + Noise.below(Noise.hash(h, 8), 20) * DAY);
        return new SimThing(index, ThingKind.INVENTORY, Noise.uuid(h, Noise.hash(h, 9)), code, type.type(),
                rack.id(), new ThingRole.Part(type.name, brandKey), info, Map.of(), List.of("site-" + siteName));
    }

    /** A part model: the miner's own model for hashboards, the brand's unit for power supplies and controllers. */
    private static String subType(PartType type, Brand brand, MinerModel model) {
        return switch (type) {
            case HASHBOARD -> model.type().substring(model.type().lastIndexOf('-') + 1).toUpperCase(Locale.ROOT)
                    .replace("_", "");
            case PSU -> switch (brand) {
                case ANTMINER -> "APW12";
                case WHATSMINER -> "P221B";
                case AVALON -> "PSU3300";
            };
            case CONTROLLER -> switch (brand) {
                case ANTMINER -> "CV1835";
                case WHATSMINER -> "CB6V10";
                case AVALON -> "MM3V2";
            };
        };
    }
}
