package io.miningos.gateway.adapters.ork.sim.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One simulated device record, the same fields a real rack keeps: id, code, type, tags, info, opts, comments and
 * the public connection fields. Mutable parts (info, tags, comments) change only under the ORK's write lock.
 */
public final class SimThing {
    private final int index;
    private final ThingKind kind;
    private final String id;
    private final String type;
    private final String rackId;
    private final ThingRole role;
    private final Map<String, Object> connection;
    private final Map<String, Object> opts;
    private String code;
    private List<String> tags;
    private Map<String, Object> info;
    // read for every thing at every stat tick: kept as fields instead of map lookups
    private long createdAt;
    private String container;
    private String pos;
    private String pduRack;
    private final List<Map<String, Object>> comments = new ArrayList<>();

    public SimThing(int index, ThingKind kind, String id, String code, String type, String rackId, ThingRole role,
                    Map<String, Object> info, Map<String, Object> connection, List<String> userTags) {
        this.index = index;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
        this.code = Objects.requireNonNull(code, "code");
        this.type = Objects.requireNonNull(type, "type");
        this.rackId = Objects.requireNonNull(rackId, "rackId");
        this.role = Objects.requireNonNull(role, "role");
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        cacheInfoFields();
        this.connection = Map.copyOf(connection);
        this.opts = new LinkedHashMap<>(connection);
        this.tags = buildTags(userTags);
    }

    /** Position of this thing in the site, a stable salt for its noise. */
    public int index() {
        return index;
    }

    public ThingKind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String type() {
        return type;
    }

    public String rackId() {
        return rackId;
    }

    public ThingRole role() {
        return role;
    }

    public List<String> tags() {
        return tags;
    }

    /** Read-only; {@link #updateInfo} swaps in a new map, so a map handed out never changes. */
    public Map<String, Object> info() {
        return info;
    }

    public Map<String, Object> opts() {
        return opts;
    }

    /** Public connection fields ({@code address}/{@code port}/{@code unitId} or {@code containerId}). */
    public Map<String, Object> connection() {
        return connection;
    }

    public List<Map<String, Object>> comments() {
        return comments;
    }

    private void cacheInfoFields() {
        createdAt = info.get("createdAt") instanceof Number n ? n.longValue() : 0L;
        container = info.get("container") instanceof String s ? s : null;
        pos = info.get("pos") instanceof String s ? s : null;
        int cut = pos == null ? -1 : pos.indexOf('_');
        pduRack = container != null && pos != null ? container + "_" + (cut < 0 ? pos : pos.substring(0, cut)) : null;
    }

    public long createdAt() {
        return createdAt;
    }

    public String container() {
        return container;
    }

    public boolean inMaintenance() {
        return "maintenance".equals(container());
    }

    public String pos() {
        return pos;
    }

    /** {@code <container>_<pos before the first "_">}: the PDU-rack group of stat entries, or null. */
    public String pduRack() {
        return pduRack;
    }

    /** Replaces {@code info} (after an {@code updateThing}) and rebuilds the tags as a rack does. */
    public void updateInfo(Map<String, Object> newInfo, List<String> extraTags) {
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(newInfo));
        cacheInfoFields();
        List<String> carried = new ArrayList<>(tags);
        if (extraTags != null) {
            carried.addAll(extraTags);
        }
        this.tags = buildTags(carried);
    }

    public MinerModel minerModel() {
        return role instanceof ThingRole.Miner m ? m.model() : null;
    }

    /** The brand tags the rack adds after the type tags. */
    private List<String> brandTags() {
        return switch (role) {
            case ThingRole.Miner m -> List.of(m.model().brand().tag());
            case ThingRole.Container c -> List.of(c.site().model().brand());
            case ThingRole.Sensor s -> List.of("temp", "seneca");
            case ThingRole.Meter m -> List.of("abb");
            case ThingRole.Part p -> List.of("inventory", "miner_part");
        };
    }

    private List<String> buildTags(List<String> userTags) {
        List<String> out = new ArrayList<>();
        String[] parts = type.split("-");
        for (int n = parts.length; n >= 1; n--) {
            out.add("t-" + String.join("-", Arrays.copyOf(parts, n)));
        }
        out.addAll(brandTags());
        out.addAll(userTags);
        out.add("id-" + id);
        out.add("code-" + code);
        out.removeIf(t -> t.contains("pos-") || t.contains("container-") && !t.startsWith("t-")
                || t.startsWith("code-") && !t.equals("code-" + code));
        String pos = pos();
        if (pos != null) {
            out.add("pos-" + pos);
        }
        String container = container();
        if (container != null) {
            out.add("container-" + container);
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }
}
