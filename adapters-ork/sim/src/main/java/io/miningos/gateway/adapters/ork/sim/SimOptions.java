package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.spi.OrkOptions;

import java.util.Map;

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
 * @param threads          platform threads that compute this ORK's answers, 1..16 (default 2); calls never run on
 *                         the gateway's own threads
 * @param queue            calls that may wait for a thread, 1..10,000 (default 1,000); beyond that a call fails at once
 *                         as if the ORK were unreachable
 * @param m63Miners        Whatsminer M63s in one more container (a MicroBT Wonderint) besides {@code miners}, 0..240
 *                         (default 0): their rack reports per-device power modes and statuses
 * @param dcsHall          the {@code miners} stand in a hall run by a central DCS (default false): groups
 *                         {@code group-1…N} of four racks of 20 instead of containers, and a DCS thing (rack
 *                         {@code dcs-siemens-<tag>}, tags {@code t-dcs}) whose snapshot meters and cools them
 */
public record SimOptions(long seed, int miners, String site, int requiredVotes, long actionIntervalMs, long latencyMs,
                         double failureRate, boolean down, boolean persist, int threads, int queue, int m63Miners,
                         boolean dcsHall) {

    static final int MAX_MINERS = 200_000;
    static final int MAX_VOTES = 10;
    static final long MIN_ACTION_INTERVAL_MS = 100;
    static final long MAX_ACTION_INTERVAL_MS = 600_000;
    static final long MAX_LATENCY_MS = 60_000;
    static final int MAX_THREADS = 16;
    static final int MAX_QUEUE = 10_000;
    static final int MAX_M63_MINERS = 240;

    public SimOptions {
        if (miners < 1 || miners > MAX_MINERS) {
            throw new IllegalArgumentException("miners: must be between 1 and " + MAX_MINERS);
        }
        if (site == null || !site.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("site: must be 1-40 lower-case letters, digits or dashes");
        }
        if (requiredVotes < 1 || requiredVotes > MAX_VOTES) {
            throw new IllegalArgumentException("requiredVotes: must be between 1 and " + MAX_VOTES);
        }
        if (actionIntervalMs < MIN_ACTION_INTERVAL_MS || actionIntervalMs > MAX_ACTION_INTERVAL_MS) {
            throw new IllegalArgumentException("actionIntervalMs: must be between " + MIN_ACTION_INTERVAL_MS + " and "
                    + MAX_ACTION_INTERVAL_MS);
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latencyMs: must be between 0 and " + MAX_LATENCY_MS);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate: must be between 0 and 1");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads: must be between 1 and " + MAX_THREADS);
        }
        if (queue < 1 || queue > MAX_QUEUE) {
            throw new IllegalArgumentException("queue: must be between 1 and " + MAX_QUEUE);
        }
        if (m63Miners < 0 || m63Miners > MAX_M63_MINERS) {
            throw new IllegalArgumentException("m63Miners: must be between 0 and " + MAX_M63_MINERS);
        }
    }

    /** Reads and checks the options; the message of a failure starts with the offending key. */
    public static SimOptions parse(String orkId, Map<String, Object> options) {
        OrkOptions read = OrkOptions.of("sim", options);
        long seed = read.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElseGet(() -> defaultSeed(orkId));
        int miners = read.integer("miners", 1, MAX_MINERS).orElse(250L).intValue();
        String site = read.string("site").orElse("demo");
        if (read.has("requiredVotes") && read.has("approvals")) {
            throw read.problem("approvals", "give either requiredVotes or approvals, not both");
        }
        int votes = read.integer("requiredVotes", 1, MAX_VOTES)
                .or(() -> read.integer("approvals", 1, MAX_VOTES)).orElse(1L).intValue();
        long interval = read.integer("actionIntervalMs", MIN_ACTION_INTERVAL_MS, MAX_ACTION_INTERVAL_MS)
                .orElse(5_000L);
        long latency = read.integer("latencyMs", 0, MAX_LATENCY_MS).orElse(0L);
        double failureRate = read.number("failureRate", 0, 1).orElse(0.0);
        boolean down = read.bool("down").orElse(false);
        boolean persist = read.bool("persist").orElse(true);
        int threads = read.integer("threads", 1, MAX_THREADS).orElse(2L).intValue();
        int queue = read.integer("queue", 1, MAX_QUEUE).orElse(1_000L).intValue();
        int m63 = read.integer("m63Miners", 0, MAX_M63_MINERS).orElse(0L).intValue();
        boolean dcsHall = read.bool("dcsHall").orElse(false);
        read.finish();
        return new SimOptions(seed, miners, site, votes, interval, latency, failureRate, down, persist, threads,
                queue, m63, dcsHall);
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
