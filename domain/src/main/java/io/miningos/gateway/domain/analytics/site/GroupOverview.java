package io.miningos.gateway.domain.analytics.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The site overview by group and rack ({@code /auth/site/overview/groups}). Groups are the DCS layout's
 * {@code group-1 … group-N} when the site has a DCS, otherwise the containers the miner stats name (the Node
 * gateway showed nothing for sites without a DCS). A group's consumption is its share of the DCS rack meters when
 * there are any, else its miners' power.
 */
public final class GroupOverview {

    private GroupOverview() {
    }

    /** One rack of a group; {@code id} is the rack part of its key ({@code rack-2}). */
    public record Rack(String id, String key, String name, RackFigures figures) {
    }

    /**
     * Miner counts; {@code empty} = slots of the layout not holding a counted miner, null without a DCS layout
     * (the number of slots is then unknown).
     */
    public record Status(long offline, long error, long sleep, long low, long normal, long high, long notMining,
                         Long empty, long total) {
    }

    public record Group(String id, String name, RackFigures summary, List<Rack> racks, Status status) {
    }

    public static List<Group> groups(MinerGroupStats stats, DcsSite dcs) {
        boolean layout = dcs != null && dcs.mining().totalGroups() > 0;
        List<String> ids = layout ? dcs.groups() : stats.containers();
        Map<String, Double> dcsPower = dcs == null ? Map.of() : dcs.groupPowerKw(hashrates(stats, ids));
        List<RackKey> racks = stats.racks();
        List<Group> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Double share = dcsPower.get(id);
            Double powerW = share != null && share > 0 ? share * 1000 : stats.containerPowerW(id);
            List<Rack> groupRacks = new ArrayList<>();
            for (RackKey rack : racks) {
                if (rack.container().equals(id)) {
                    groupRacks.add(new Rack(rack.rack(), rack.key(), rack.displayName(),
                            RackFigures.of(stats.rackHashrateMhs(rack), stats.rackPowerW(rack))));
                }
            }
            MinerGroupStats.StatusCounts c = stats.counts(id);
            Long empty = layout ? Math.max(0, dcs.mining().minersPerGroup() - c.total()) : null;
            out.add(new Group(id, name(id), RackFigures.of(stats.containerHashrateMhs(id), powerW), groupRacks,
                    new Status(c.offline(), c.error(), c.sleep(), c.low(), c.normal(), c.high(), c.notMining(), empty,
                            c.total())));
        }
        return out;
    }

    static Map<String, Double> hashrates(MinerGroupStats stats, List<String> groups) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String g : groups) {
            out.put(g, stats.containerHashrateMhs(g));
        }
        return out;
    }

    /** {@code Group 3} for {@code group-3}; other names (containers) as they are. */
    static String name(String groupId) {
        int n = Feeds.groupNumber(groupId);
        return n > 0 ? "Group " + n : groupId;
    }
}
