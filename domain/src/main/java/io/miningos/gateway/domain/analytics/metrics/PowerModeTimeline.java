package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.NaturalText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each miner's power mode and status as segments of time ({@code /auth/metrics/power-mode/timeline}) from the
 * per-miner {@code power_mode_group_aggr} / {@code status_group_aggr} of {@code stat-3h} points. A miner key is
 * {@code <container>-<pos>}; positions may contain {@code -} themselves, so the container is the longest known
 * container name the key starts with (followed by {@code -}), and only without one the text before the last
 * {@code -} (the Node gateway always cut at the last {@code -}, misplacing {@code bitdeer-7b-2-3_b2}).
 */
public final class PowerModeTimeline {

    private PowerModeTimeline() {
    }

    /** From {@code from} until {@code to} (the next change, or the last point). */
    public record Segment(long from, long to, String powerMode, String status) {
    }

    public record Miner(String minerId, String container, List<Segment> segments) {
    }

    private record Sample(long ts, String mode, String status) {
    }

    /**
     * @param knownContainers container names of the site (may be empty)
     * @param container       only miners of this container, or null for all
     */
    public static List<Miner> read(List<JsonView> answers, Collection<String> knownContainers, String container) {
        Map<String, List<Sample>> byMiner = new TreeMap<>(NaturalText.ORDER);
        SeriesEntries.byTime(answers, false).forEach((ts, entries) -> {
            for (JsonView e : entries) {
                JsonView statuses = e.get("status_group_aggr");
                e.get("power_mode_group_aggr").fields().forEach((miner, mode) -> {
                    String m = mode.asText();
                    String s = statuses.get(miner).asText();
                    byMiner.computeIfAbsent(miner, k -> new ArrayList<>()).add(new Sample(ts,
                            m == null || m.isEmpty() ? "unknown" : m, s == null || s.isEmpty() ? "unknown" : s));
                });
            }
        });
        List<Miner> out = new ArrayList<>();
        byMiner.forEach((miner, samples) -> {
            String c = containerOf(miner, knownContainers);
            if (container != null && !container.equals(c)) {
                return;
            }
            List<Segment> segments = new ArrayList<>();
            Sample open = null;
            long last = 0;
            for (Sample s : samples) {
                if (open != null && !(open.mode().equals(s.mode()) && open.status().equals(s.status()))) {
                    segments.add(new Segment(open.ts(), s.ts(), open.mode(), open.status()));
                    open = null;
                }
                if (open == null) {
                    open = s;
                }
                last = s.ts();
            }
            if (open != null) {
                segments.add(new Segment(open.ts(), last, open.mode(), open.status()));
            }
            out.add(new Miner(miner, c, segments));
        });
        return out;
    }

    static String containerOf(String minerKey, Collection<String> known) {
        String best = null;
        for (String c : known) {
            if (minerKey.startsWith(c + "-") && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        if (best != null) {
            return best;
        }
        int dash = minerKey.lastIndexOf('-');
        return dash <= 0 ? minerKey : minerKey.substring(0, dash);
    }
}
