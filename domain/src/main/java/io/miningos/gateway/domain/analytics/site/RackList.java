package io.miningos.gateway.domain.analytics.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site's racks with their live figures ({@code /auth/miners/groups/stats}, {@code /auth/explorer/racks}).
 * With a DCS layout, the configured racks {@code group-<g>_rack-<r>} named {@code Rack 1 … Rack N} in layout
 * order, the r-th configured rack of a group taking the figures of the group's r-th rack in the miner stats (the
 * stats' PDU racks need not be named like the layout's); without one, every rack the miner stats report, named by
 * its key (the Node gateway listed no racks without a DCS).
 */
public final class RackList {

    private RackList() {
    }

    public record GroupRef(String id, String name) {
    }

    /**
     * @param id          {@code <group>_<rack>}
     * @param minersCount miner slots of the rack per the layout, null without one
     */
    public record Rack(String id, String name, GroupRef group, Integer minersCount, RackFigures figures) {
    }

    public static List<Rack> racks(MinerGroupStats stats, DcsSite dcs) {
        List<RackKey> real = stats.racks();
        List<Rack> out = new ArrayList<>();
        if (dcs == null || dcs.mining().totalGroups() == 0) {
            for (RackKey key : real) {
                out.add(new Rack(key.key(), key.displayName(), new GroupRef(key.container(),
                        GroupOverview.name(key.container())), null,
                        RackFigures.of(stats.rackHashrateMhs(key), stats.rackPowerW(key))));
            }
            return out;
        }
        Map<String, List<RackKey>> realByGroup = new LinkedHashMap<>();
        for (RackKey key : real) {
            realByGroup.computeIfAbsent(key.container(), g -> new ArrayList<>()).add(key);
        }
        DcsSite.Mining m = dcs.mining();
        for (int g = 1; g <= m.totalGroups(); g++) {
            String group = "group-" + g;
            List<RackKey> groupReal = realByGroup.getOrDefault(group, List.of());
            for (int r = 1; r <= m.racksPerGroup(); r++) {
                RackKey match = r <= groupReal.size() ? groupReal.get(r - 1) : null;
                RackFigures figures = match == null ? RackFigures.of(0, null)
                        : RackFigures.of(stats.rackHashrateMhs(match), stats.rackPowerW(match));
                out.add(new Rack(group + "_rack-" + r, "Rack " + ((g - 1) * m.racksPerGroup() + r),
                        new GroupRef(group, "Group " + g), m.minersPerRack(), figures));
            }
        }
        return out;
    }

    /** The racks whose id is in {@code ids}, in list order. */
    public static List<Rack> select(List<Rack> racks, Set<String> ids) {
        return racks.stream().filter(r -> ids.contains(r.id())).toList();
    }
}
