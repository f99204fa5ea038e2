package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.stats.Rollups;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the UI's heavy time-series reads (and the reads that used to freeze the gateway) on the demo site: its one
 * simulated ORK ({@code cluster-1}: seed 1, 500 miners and 40 M63s), or with {@code --two-orks} the earlier demo's
 * two ({@code cluster-1} seed 1 and {@code cluster-2} seed 2, 250 miners each, called in parallel as the gateway
 * fans out), through the transport, JSON in and out. For each request it prints the first (cold) and
 * a second (warm) latency, the process CPU time of the first (the machine is shared: CPU time does not depend on
 * what else runs, wall time does), the answer size or the error, and the slowest answer a cheap probe
 * ({@code stat-rtd} of the miners, every 50 ms on the same ORKs) got meanwhile. By default it first lets the ORKs
 * fill their day sums in the background, as a gateway that has been up a few seconds has them, and prints how long
 * that took;
 * {@code --no-fill} measures straight after start. Not a test: run it with {@code bench/sim-reads.sh} or
 * {@code java -cp <test classpath> io.miningos.gateway.adapters.ork.sim.SimHeavyReadsBenchmark [name...]} (no
 * names: every request; {@code --deadline-s N} sets the per-call deadline, default 60).
 */
public final class SimHeavyReadsBenchmark {

    private SimHeavyReadsBenchmark() {
    }

    private static final long DAY = 86_400_000L;

    /** The requests, by name: what the UI sends (first group) and what used to freeze the gateway (second). */
    static Map<String, String[]> requests(long now) {
        long today = Math.floorDiv(now, DAY) * DAY;
        String week = "\"startDate\":\"" + Instant.ofEpochMilli(today - 7 * DAY) + "\",\"endDate\":\""
                + Instant.ofEpochMilli(today - 1) + "\"";
        String month = "\"startDate\":\"" + Instant.ofEpochMilli(today - 30 * DAY) + "\",\"endDate\":\""
                + Instant.ofEpochMilli(today - 1) + "\"";
        Map<String, String[]> r = new LinkedHashMap<>();
        r.put("ui-range-aggr-hashrate-7d", new String[]{"tailLogCustomRangeAggr", "{\"keys\":[{\"type\":\"miner\","
                + week + ",\"fields\":{\"hashrate_mhs_5m_sum_aggr\":1},\"shouldReturnDailyData\":1}]}"});
        r.put("ui-range-aggr-efficiency-7d", new String[]{"tailLogCustomRangeAggr", "{\"keys\":[{\"type\":\"miner\","
                + week + ",\"fields\":{\"efficiency_w_ths_avg_aggr\":1},\"shouldReturnDailyData\":1}]}"});
        r.put("ui-range-aggr-site-power-30d", new String[]{"tailLogCustomRangeAggr", "{\"keys\":[{\"type\":"
                + "\"powermeter\"," + month + ",\"fields\":{\"site_power_w\":1},\"aggrFields\":{\"site_power_w\":1},"
                + "\"shouldReturnDailyData\":1}]}"});
        r.put("ui-site-power-5m-30d", new String[]{"tailLog", "{\"key\":\"stat-5m\",\"type\":\"powermeter\","
                + "\"tag\":\"t-powermeter\",\"aggrFields\":{\"site_power_w\":1},\"start\":" + (now - 30 * DAY)
                + ",\"end\":" + now + "}"});
        r.put("ui-miners-3h-1D-avg-7d", new String[]{"tailLog", "{\"key\":\"stat-3h\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\",\"start\":" + (today - 7 * DAY) + ",\"end\":" + now + ",\"aggrFields\":{"
                + "\"online_or_minor_error_miners_amount_aggr\":1,\"error_miners_amount_aggr\":1,"
                + "\"not_mining_miners_amount_aggr\":1,\"offline_cnt\":1,\"power_mode_sleep_cnt\":1,"
                + "\"maintenance_type_cnt\":1},\"groupRange\":\"1D\",\"shouldCalculateAvg\":true}"});
        r.put("ui-hashrate-5m-1D-7d", new String[]{"tailLog", "{\"key\":\"stat-5m\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\",\"aggrFields\":{\"hashrate_mhs_5m_type_group_sum_aggr\":1,"
                + "\"hashrate_mhs_5m_container_group_sum_aggr\":1},\"groupRange\":\"1D\",\"start\":"
                + (today - 7 * DAY) + ",\"end\":" + (today - 1) + "}"});
        r.put("ui-hashrate-5m-1D-30d", new String[]{"tailLog", "{\"key\":\"stat-5m\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\",\"aggrFields\":{\"hashrate_mhs_5m_type_group_sum_aggr\":1,"
                + "\"hashrate_mhs_5m_container_group_sum_aggr\":1},\"groupRange\":\"1D\",\"start\":"
                + (today - 30 * DAY) + ",\"end\":" + (today - 1) + "}"});
        r.put("ui-range-aggr-7d-total", new String[]{"tailLogCustomRangeAggr", "{\"keys\":[{\"type\":\"miner\","
                + week + "},{\"type\":\"powermeter\"," + week + "}]}"});
        r.put("freeze-5m-from-0", new String[]{"tailLog", "{\"key\":\"stat-5m\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\",\"start\":0,\"end\":" + now + "}"});
        r.put("freeze-5m-30d", new String[]{"tailLog", "{\"key\":\"stat-5m\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\",\"start\":" + (now - 30 * DAY) + ",\"end\":" + now + "}"});
        r.put("freeze-5m-limit-10080", new String[]{"tailLog", "{\"key\":\"stat-5m\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\",\"start\":0,\"limit\":10080}"});
        r.put("freeze-range-aggr-from-0", new String[]{"tailLogCustomRangeAggr", "{\"keys\":[{\"type\":\"miner\","
                + "\"startDate\":0,\"endDate\":" + now + "}]}"});
        r.put("freeze-3h-1D-from-0", new String[]{"tailLog", "{\"key\":\"stat-3h\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\",\"start\":0,\"end\":" + now + ",\"groupRange\":\"1D\"}"});
        r.put("freeze-multi-30d", new String[]{"tailLogMulti", "{\"keys\":[{\"type\":\"miner\",\"tag\":\"t-miner\"},"
                + "{\"type\":\"powermeter\",\"tag\":\"t-powermeter\"},{\"type\":\"container\",\"tag\":"
                + "\"t-container\"}],\"key\":\"stat-5m\",\"start\":" + (now - 30 * DAY) + ",\"end\":" + now + "}"});
        return r;
    }

    public static void main(String[] args) throws Exception {
        long deadlineS = 60;
        boolean fill = true;
        boolean twoOrks = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--deadline-s")) {
                deadlineS = Long.parseLong(args[++i]);
            } else if (args[i].equals("--no-fill")) {
                fill = false;
            } else if (args[i].equals("--two-orks")) {
                twoOrks = true;
            } else {
                names.add(args[i]);
            }
        }
        Clock clock = Clock.systemUTC();
        Path dataDir = Files.createTempDirectory("sim-bench");
        long t0 = System.nanoTime();
        List<OrkTransport> orks = twoOrks
                ? List.of(open("cluster-1", Map.of("seed", 1), dataDir, clock),
                open("cluster-2", Map.of("seed", 2), dataDir, clock))
                : List.of(open("cluster-1", Map.of("seed", 1, "miners", 500, "m63Miners", 40, "requiredVotes", 2),
                dataDir, clock));
        System.out.printf("demo site: %s, opened in %.0f ms; deadline per call %d s%n", twoOrks
                ? "2 ORKs x 250 miners" : "1 ORK, 500 miners + 40 M63", (System.nanoTime() - t0) / 1e6, deadlineS);
        if (fill) {
            fill(orks);
        }
        Map<String, String[]> all = requests(clock.millis());
        if (names.isEmpty()) {
            names.addAll(all.keySet());
        }
        System.out.printf("%-30s %10s %10s %10s %14s %12s%n", "request", "cold ms", "cold CPU", "warm ms", "answer",
                "probe max");
        for (String name : names) {
            String[] req = all.get(name);
            if (req == null) {
                throw new IllegalArgumentException("unknown request " + name + "; known: " + all.keySet());
            }
            Probe probe = new Probe(orks);
            long cpu = cpuNanos();
            Outcome cold = fanOut(orks, req[0], req[1], Duration.ofSeconds(deadlineS));
            cpu = cpuNanos() - cpu;
            Outcome warm = cold.error == null ? fanOut(orks, req[0], req[1], Duration.ofSeconds(deadlineS)) : null;
            long probeMax = probe.stop();
            System.out.printf("%-30s %10.0f %10.0f %10s %14s %9d ms%n", name, cold.ms, cpu / 1e6,
                    warm == null ? "-" : String.format("%.0f", warm.ms), cold.describe(), probeMax);
        }
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < orks.size(); i++) {
            System.out.printf("day sums kept by cluster-%d: %.0f KB%n", i + 1,
                    ((SimTransport) orks.get(i)).ork().rollupBytes() / 1024.0);
        }
        System.gc();
        System.out.printf("heap used after the run (after a GC): %.1f MB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
        // calls given up on may still be computing (before the fix); the numbers are printed, stop here
        System.exit(0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Starts the background filling of day sums (any time-series read does) and waits for its end. */
    private static void fill(List<OrkTransport> orks) throws Exception {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        byte[] rtd = "{\"key\":\"stat-rtd\",\"type\":\"miner\",\"tag\":\"t-miner\"}"
                .getBytes(StandardCharsets.UTF_8);
        for (OrkTransport ork : orks) {
            ork.call("tailLog", rtd, Duration.ofSeconds(60)).get();
        }
        for (OrkTransport ork : orks) {
            while (((SimTransport) ork).filling()) {
                Thread.sleep(100);
            }
        }
        System.out.printf("day sums of the last %d days filled in the background in %.1f s (%.1f s of CPU)%n",
                Rollups.FILL_DAYS, (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9);
    }

    private static OrkTransport open(String id, Map<String, Object> options, Path dataDir, Clock clock) {
        Map<String, Object> all = new java.util.HashMap<>(options);
        all.put("site", "demo");
        all.put("persist", false);
        return new SimTransportProvider().open(new OrkTransportContext(id, all, dataDir, clock));
    }

    private record Outcome(double ms, long bytes, String error) {
        String describe() {
            return error != null ? error : String.format("%,d B", bytes);
        }
    }

    private static Outcome fanOut(List<OrkTransport> orks, String method, String json, Duration deadline) {
        byte[] request = json.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        List<CompletableFuture<byte[]>> calls = new ArrayList<>();
        for (OrkTransport ork : orks) {
            calls.add(ork.call(method, request, deadline));
        }
        long bytes = 0;
        String error = null;
        for (CompletableFuture<byte[]> call : calls) {
            try {
                byte[] answer = call.get(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                bytes += answer.length;
                String text = new String(answer, 0, Math.min(answer.length, 80), StandardCharsets.UTF_8);
                if (text.startsWith("\"[HRPC_ERR]=")) {
                    error = text.substring(12, text.length() - 1);
                }
            } catch (ExecutionException e) {
                String cause = e.getCause().getMessage();
                error = cause != null && cause.contains("within") ? "timeout" : "failed: " + e.getCause();
            } catch (Exception e) {
                error = "no answer: " + e;
            }
        }
        return new Outcome((System.nanoTime() - start) / 1e6, bytes, error);
    }

    /** A cheap read repeated on every ORK while a heavy one runs: the slowest answer it got. */
    private static final class Probe {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong maxMs = new AtomicLong();
        private final Thread thread;

        Probe(List<OrkTransport> orks) {
            byte[] req = ("{\"key\":\"stat-rtd\",\"type\":\"miner\",\"tag\":\"t-miner\",\"aggrFields\":"
                    + "{\"hashrate_mhs_1m_sum_aggr\":1}}").getBytes(StandardCharsets.UTF_8);
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    for (OrkTransport ork : orks) {
                        long s = System.nanoTime();
                        try {
                            ork.call("tailLog", req, Duration.ofSeconds(120)).get(120, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            // a failed probe counts with the time it took
                        }
                        maxMs.accumulateAndGet((System.nanoTime() - s) / 1_000_000, Math::max);
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join(130_000);
            return maxMs.get();
        }
    }
}
