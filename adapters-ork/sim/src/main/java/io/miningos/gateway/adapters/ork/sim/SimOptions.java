package io.miningos.gateway.adapters.ork.sim;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of one simulated ORK, read from its configuration object.
 *
 * @param seed             site seed; two ORKs with different seeds share no ids (default: derived from the ORK id)
 * @param miners           approximate number of miners (default 250; up to 200,000)
 * @param site             site name used in {@code site-<name>} tags and {@code info.site} (default {@code demo})
 * @param requiredVotes    approvals an action needs at least (default 1; some actions always need 2)
 * @param actionIntervalMs how often the action executor runs (default 5,000 ms)
 * @param latencyMs        added to every answer (default 0)
 * @param failureRate      share of calls that fail as if the ORK were unreachable, 0..1 (default 0)
 * @param down             every call fails as unreachable (default false)
 * @param persist          keep comments, settings, global config and actions in {@code <dataDir>/sim/<orkId>.json}
 *                         (default true)
 */
public record SimOptions(long seed, int miners, String site, int requiredVotes, long actionIntervalMs, long latencyMs,
                         double failureRate, boolean down, boolean persist) {

    static final Set<String> KEYS = Set.of("seed", "miners", "site", "requiredVotes", "approvals",
            "actionIntervalMs", "latencyMs", "failureRate", "down", "persist");

    public SimOptions {
        if (miners < 1 || miners > 200_000) {
            throw new IllegalArgumentException("miners: must be between 1 and 200000");
        }
        if (site == null || !site.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("site: must be 1-40 lower-case letters, digits or dashes");
        }
        if (requiredVotes < 1 || requiredVotes > 10) {
            throw new IllegalArgumentException("requiredVotes: must be between 1 and 10");
        }
        if (actionIntervalMs < 100 || actionIntervalMs > 600_000) {
            throw new IllegalArgumentException("actionIntervalMs: must be between 100 and 600000");
        }
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new IllegalArgumentException("latencyMs: must be between 0 and 60000");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate: must be between 0 and 1");
        }
    }

    /** Reads and checks the options; the message of a failure starts with the offending key. */
    public static SimOptions parse(String orkId, Map<String, Object> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown option of the sim transport (known: "
                        + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        if (options.containsKey("requiredVotes") && options.containsKey("approvals")) {
            throw new IllegalArgumentException("approvals: give either requiredVotes or approvals, not both");
        }
        long seed = options.containsKey("seed") ? whole(options, "seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : defaultSeed(orkId);
        int miners = (int) whole(options, "miners", 250);
        Object site = options.getOrDefault("site", "demo");
        if (!(site instanceof String)) {
            throw new IllegalArgumentException("site: must be a string");
        }
        String votesKey = options.containsKey("approvals") ? "approvals" : "requiredVotes";
        int votes = (int) whole(options, votesKey, 1);
        long interval = whole(options, "actionIntervalMs", 5_000);
        long latency = whole(options, "latencyMs", 0);
        Object rate = options.getOrDefault("failureRate", 0);
        if (!(rate instanceof Number n)) {
            throw new IllegalArgumentException("failureRate: must be a number between 0 and 1");
        }
        return new SimOptions(seed, miners, (String) site, votes, interval, latency, n.doubleValue(),
                bool(options, "down", false), bool(options, "persist", true));
    }

    private static long whole(Map<String, Object> options, String key, long fallback) {
        return options.containsKey(key) ? whole(options, key, Integer.MIN_VALUE, Integer.MAX_VALUE) : fallback;
    }

    private static long whole(Map<String, Object> options, String key, long min, long max) {
        Object v = options.get(key);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            throw new IllegalArgumentException(key + ": must be a whole number");
        }
        return n.longValue();
    }

    private static boolean bool(Map<String, Object> options, String key, boolean fallback) {
        Object v = options.getOrDefault(key, fallback);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(key + ": must be true or false");
        }
        return b;
    }

    /** A stable seed from the ORK id, so ORKs configured without seeds still differ. */
    static long defaultSeed(String orkId) {
        long h = 1125899906842597L;
        for (int i = 0; i < orkId.length(); i++) {
            h = 31 * h + orkId.charAt(i);
        }
        return h & 0x7FFFFFFFL;
    }
}
