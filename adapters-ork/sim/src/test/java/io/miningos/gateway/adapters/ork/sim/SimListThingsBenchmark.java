package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Times {@code listThings} with a projection on a site of at least 50,000 things, end to end through the
 * transport (request JSON in, answer JSON out). Not a test: run it by hand, e.g.
 * {@code java -cp <test classpath> io.miningos.gateway.adapters.ork.sim.SimListThingsBenchmark [miners] [runs]}.
 */
public final class SimListThingsBenchmark {

    private SimListThingsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int miners = args.length > 0 ? Integer.parseInt(args[0]) : 49_200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dataDir = Files.createTempDirectory("sim-bench");
        long t0 = System.nanoTime();
        OrkTransport transport = new SimTransportProvider().open(new OrkTransportContext("bench",
                Map.of("seed", 99, "miners", miners, "persist", false), dataDir, Clock.systemUTC()));
        int things = ((SimTransport) transport).ork().site().thingCount();
        System.out.printf("site: %d things (%d miners) generated in %.0f ms%n", things, miners,
                (System.nanoTime() - t0) / 1e6);
        byte[] request = ("{\"status\":1,\"fields\":{\"id\":1,\"last.snap.stats.power_w\":1,\"tags\":1},"
                + "\"limit\":100000}").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> decoded = Map.of("status", 1, "fields", Map.of("id", 1, "last.snap.stats.power_w", 1,
                "tags", 1), "limit", 100_000);
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            byte[] answer = transport.call("listThings", request, Duration.ofSeconds(60)).get();
            double ms = (System.nanoTime() - start) / 1e6;
            long built = System.nanoTime();
            ((SimTransport) transport).ork().handle("listThings", decoded);
            double buildMs = (System.nanoTime() - built) / 1e6;
            System.out.printf("run %d: listThings -> %d things, %,d bytes of JSON in %.1f ms (of which answer "
                    + "without JSON: %.1f ms)%s%n", i, countThings(answer), answer.length, ms, buildMs,
                    i <= 2 ? " (warm-up)" : "");
        }
        transport.close();
    }

    /** Counts top-level objects in the answer array ({@code "rack":} appears once per thing). */
    private static int countThings(byte[] answer) {
        String s = new String(answer, StandardCharsets.UTF_8);
        int n = 0;
        for (int i = s.indexOf("\"rack\":"); i >= 0; i = s.indexOf("\"rack\":", i + 1)) {
            n++;
        }
        return n;
    }
}
