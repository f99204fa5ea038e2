import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures cached {@code GET /auth/list-things} on a running gateway: requests per second and latency
 * percentiles, from a fixed number of concurrent clients each sending one request after another.
 *
 * <pre>
 * java bench/ListThingsBench.java http://127.0.0.1:3000 TOKEN [--clients 32] [--warmup 5] [--seconds 15]
 * </pre>
 *
 * The query is the one the shipped UI sends first on its dashboard. The first request fills the cache; the
 * warm-up lets the JIT settle; only the measured window is reported.
 */
public final class ListThingsBench {

    private static final String QUERY = "{\"info.pos\":{\"$eq\":\"site\"}}";
    private static final String FIELDS = "{\"id\":1,\"last.snap.stats.power_w\":1,\"tags\":1}";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/ListThingsBench.java BASE_URL TOKEN [--clients N] [--warmup S]"
                    + " [--seconds S]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String token = args[1];
        int clients = intOption(args, "--clients", 32);
        int warmupSeconds = intOption(args, "--warmup", 5);
        int seconds = intOption(args, "--seconds", 15);

        URI uri = URI.create(base + "/auth/list-things?query=" + enc(QUERY) + "&fields=" + enc(FIELDS)
                + "&status=1&limit=100");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();

        HttpResponse<byte[]> first = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 200) {
            System.err.println("the gateway answered " + first.statusCode() + ": "
                    + new String(first.body(), StandardCharsets.UTF_8));
            System.exit(1);
        }
        System.out.printf("GET %s%n  %d bytes per response, %d clients, %d s warm-up, %d s measured%n",
                uri.getRawPath() + "?...", first.body().length, clients, warmupSeconds, seconds);

        run(http, request, clients, Duration.ofSeconds(warmupSeconds));
        Result result = run(http, request, clients, Duration.ofSeconds(seconds));

        long[] latencies = result.latenciesNanos();
        Arrays.sort(latencies);
        double rps = latencies.length / (result.elapsedNanos() / 1e9);
        System.out.printf("  requests: %d ok, %d failed%n", latencies.length, result.failures());
        System.out.printf("  throughput: %.0f requests/s%n", rps);
        System.out.printf("  latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                millis(latencies, 0.50), millis(latencies, 0.90), millis(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    }

    private record Result(long[] latenciesNanos, long failures, long elapsedNanos) {
    }

    private static Result run(HttpClient http, HttpRequest request, int clients, Duration length) throws Exception {
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    long[] samples = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (count == samples.length) {
                            samples = Arrays.copyOf(samples, count * 2);
                        }
                        samples[count++] = took;
                    }
                    return Arrays.copyOf(samples, count);
                }));
            }
        }
        long elapsed = System.nanoTime() - start;
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] part = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        return new Result(all, failures.get(), elapsed);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 2; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
