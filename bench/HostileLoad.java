import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hostile load on a running gateway (issue 12). Two scenarios, chosen by the first argument:
 *
 * <pre>
 * java bench/HostileLoad.java reads URL READ_ONLY_TOKEN PID [--connections 64] [--rate 10] [--hostile 2]
 *                                                           [--seconds 30] [--warmup 60]
 * java bench/HostileLoad.java deadline URL TOKEN [--requests 1000] [--deadline-ms 15000]
 * </pre>
 *
 * <b>reads</b>: {@code --connections} clients read what the UI reads (userinfo, site, feature config, a cached
 * list-things page, the hashrate chart, global config; client n always the n-th of these, so that one read waiting
 * for its ORK never delays another read behind it on its connection), each {@code --rate} requests a second (0: a
 * closed loop, as fast as the server answers). After {@code --warmup} seconds of that, unmeasured, they run alone, then while
 * {@code --hostile} clients of a read-only user send the requests that used to freeze the gateway (and the UI's
 * heaviest legitimate reads: a month of stat-5m grouped by day, the alert history) with a parameter that defeats
 * the cache, so each one is new work. A paced client's latency counts from when its request was due, not when it
 * could be sent (no coordinated omission). It prints the normal reads' latency percentiles of both phases and their
 * ratio, what the hostile requests were answered, and the gateway's memory: the largest resident size (VmRSS of
 * PID) and heap in use seen (sampled every 250 ms, the heap with {@code jstat}), and the full collections and
 * their time.
 *
 * <p><b>deadline</b>: {@code --requests} requests at once, each to a different global-config (so each is its own ORK
 * call), on a gateway whose ORK answers after the deadline: prints when they were answered, against the deadline.
 */
public final class HostileLoad {

    private static final String[] NORMAL = {
        "/auth/userinfo",
        "/auth/site",
        "/auth/featureConfig",
        "/auth/global-config",
        "/auth/list-things?limit=50&fields=" + enc("{\"id\":1,\"type\":1,\"last.snap.stats.status\":1}"),
        "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&limit=288&fields=" + enc("{\"hashrate_mhs_1m_sum\":1}")
                + "&aggrFields=" + enc("{\"hashrate_mhs_1m_sum_aggr\":1}"),
    };

    private record Hostile(String name, String path) {
    }

    private static List<Hostile> hostile(long now) {
        long day = 86_400_000L;
        String multiKeys = enc("[{\"key\":\"stat-5m\",\"type\":\"miner\",\"tag\":\"t-miner\"},"
                + "{\"key\":\"stat-5m\",\"type\":\"powermeter\",\"tag\":\"t-powermeter\"}]");
        return List.of(
            new Hostile("tail-log stat-5m start=0", "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&start=0&end="
                    + now),
            new Hostile("tail-log stat-5m 30 days", "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&start="
                    + (now - 30 * day) + "&end=" + now),
            new Hostile("tail-log start=0 limit=10080", "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&start=0"
                    + "&limit=10080"),
            new Hostile("range-aggr 0..now", "/auth/tail-log/range-aggr?keys=" + enc("[{\"type\":\"miner\","
                    + "\"startDate\":0,\"endDate\":" + now + "}]")),
            new Hostile("stat-3h groupRange=1D from 0", "/auth/tail-log?key=stat-3h&type=miner&tag=t-miner"
                    + "&groupRange=1D&start=0"),
            new Hostile("tail-log/multi 30 days", "/auth/tail-log/multi?keys=" + multiKeys + "&start="
                    + (now - 30 * day) + "&end=" + now),
            new Hostile("history-log alerts, no limit", "/auth/history-log?logType=alerts"),
            new Hostile("UI: 30 days stat-5m by day", "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&groupRange=1D"
                    + "&start=" + (now - 30 * day) + "&end=" + now + "&aggrFields="
                    + enc("{\"hashrate_mhs_5m_type_group_sum_aggr\":1}")));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: HostileLoad reads URL TOKEN PID [options] | deadline URL TOKEN [options]");
            System.exit(2);
        }
        switch (args[0]) {
            case "reads" -> reads(args[1], args[2], Long.parseLong(args[3]), options(args, 4));
            case "deadline" -> deadline(args[1], args[2], options(args, 3));
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new TreeMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    /** Latencies (µs) one client measured. */
    private static final class Latencies {
        long[] values = new long[1024];
        int size;

        void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }
    }

    /** Latencies of one phase's normal reads, and their statuses. */
    private static final class Phase {
        /** Per client, one list per normal read (index into NORMAL). */
        final List<Latencies[]> perClient = new ArrayList<>();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder errors = new LongAdder();

        long[] sorted() {
            return perClient.stream().flatMap(Arrays::stream).flatMapToLong(l -> Arrays.stream(l.values, 0, l.size))
                    .sorted().toArray();
        }

        long[] sorted(int read) {
            return perClient.stream().map(l -> l[read]).flatMapToLong(l -> Arrays.stream(l.values, 0, l.size))
                    .sorted().toArray();
        }
    }

    private static void reads(String url, String token, long pid, Map<String, String> options) throws Exception {
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "10"));
        int hostileClients = Integer.parseInt(options.getOrDefault("hostile", "2"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        String hostileToken = options.getOrDefault("hostile-token", token); // another user's, if given
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("gateway %s, pid %d; %d connections of normal reads (%s), %d hostile clients, %d s per "
                + "phase%n", url, pid, connections, rate > 0 ? rate + " requests/s each" : "closed loop",
                hostileClients, seconds);
        for (String path : NORMAL) { // fill the cache
            send(client, url, token, path, Duration.ofSeconds(60));
        }
        run(client, url, token, null, connections, rate, warmup, 0, null); // the JIT, the pools, the demo's first reads
        MemoryWatch quiet = MemoryWatch.start(pid);
        Phase alone = run(client, url, token, null, connections, rate, seconds, 0, null);
        Memory quietMemory = quiet.stop();
        Map<String, List<String>> hostileOutcomes = new ConcurrentHashMap<>();
        MemoryWatch hostileWatch = MemoryWatch.start(pid);
        Phase attacked = run(client, url, token, hostileToken, connections, rate, seconds, hostileClients,
                hostileOutcomes);
        Memory attackedMemory = hostileWatch.stop();

        System.out.println();
        System.out.println("| phase                  | reads  | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx "
                + "| RSS max MB | heap max MB | full GCs (s) |");
        System.out.println("|------------------------|--------|-------|--------|--------|--------|--------|---------"
                + "|------------|-------------|--------------|");
        row("normal reads alone", alone, seconds, quietMemory);
        row("normal reads + hostile", attacked, seconds, attackedMemory);
        long[] a = alone.sorted();
        long[] b = attacked.sorted();
        System.out.printf("p99 under hostile load / alone: %.2f; p50: %.2f%n",
                (double) pct(b, 0.99) / Math.max(1, pct(a, 0.99)), (double) pct(b, 0.50) / Math.max(1, pct(a, 0.50)));
        System.out.println();
        System.out.println("| normal read (p50 / p99 / max ms)    | alone                     | + hostile                 |");
        System.out.println("|-------------------------------------|---------------------------|---------------------------|");
        for (int read = 0; read < NORMAL.length; read++) {
            System.out.printf("| %-35s | %-25s | %-25s |%n", NORMAL[read].replaceFirst("\\?.*", ""),
                    spread(alone.sorted(read)), spread(attacked.sorted(read)));
        }
        System.out.println();
        System.out.println("| hostile request                     | sent | answers (status: count, slowest ms) |");
        System.out.println("|-------------------------------------|------|--------------------------------------|");
        hostileOutcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, long[]> byStatus = new TreeMap<>();
            for (String outcome : e.getValue()) {
                String[] parts = outcome.split(" ");
                long ms = Long.parseLong(parts[1]);
                byStatus.merge(parts[0], new long[] {1, ms}, (x, y) -> new long[] {x[0] + y[0], Math.max(x[1], y[1])});
            }
            StringBuilder text = new StringBuilder();
            byStatus.forEach((status, n) -> text.append(text.isEmpty() ? "" : ", ").append(status).append(": ")
                    .append(n[0]).append(", ").append(n[1]).append(" ms"));
            System.out.printf("| %-35s | %4d | %-36s |%n", e.getKey(), e.getValue().size(), text);
        });
    }

    private static void row(String name, Phase phase, int seconds, Memory memory) {
        long[] v = phase.sorted();
        long non2xx = phase.statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2)
                .mapToLong(e -> e.getValue().sum()).sum() + phase.errors.sum();
        System.out.printf("| %-22s | %6d | %5.0f | %6.1f | %6.1f | %6.1f | %6.1f | %7d | %10d | %11s | %12s |%n",
                name, v.length, v.length / (double) seconds, pct(v, 0.50) / 1000.0, pct(v, 0.90) / 1000.0,
                pct(v, 0.99) / 1000.0, v.length == 0 ? 0 : v[v.length - 1] / 1000.0, non2xx, memory.rssKb() / 1024,
                memory.heapKb() < 0 ? "n/a" : memory.heapKb() / 1024 + "",
                memory.fullGcs() < 0 ? "n/a" : "%d (%.2f)".formatted(memory.fullGcs(), memory.fullGcSeconds()));
    }

    private static String spread(long[] v) {
        return v.length == 0 ? "-" : "%.1f / %.1f / %.1f".formatted(pct(v, 0.50) / 1000.0, pct(v, 0.99) / 1000.0,
                v[v.length - 1] / 1000.0);
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static Phase run(HttpClient client, String url, String token, String hostileToken, int connections,
                             int rate, int seconds, int hostileClients, Map<String, List<String>> hostileOutcomes) throws Exception {
        Phase phase = new Phase();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Latencies[] latencies = new Latencies[NORMAL.length];
            Arrays.setAll(latencies, i -> new Latencies());
            phase.perClient.add(latencies);
            int first = c;
            threads.add(Thread.ofPlatform().start(() -> {
                KeepAlive connection = new KeepAlive(URI.create(url), token);
                long interval = rate > 0 ? 1_000_000_000L / rate : 0;
                // paced clients start spread over one interval, not all at once
                long due = System.nanoTime() + (rate > 0 ? interval * first / connections : 0);
                for (int i = first; !stop.get(); i++) {
                    long started;
                    if (rate > 0) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        started = due; // a late request counts from when it was due
                        due += interval;
                    } else {
                        started = System.nanoTime();
                    }
                    try {
                        int status = connection.get(NORMAL[first % NORMAL.length]);
                        phase.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    } catch (IOException | RuntimeException e) {
                        phase.errors.increment();
                    }
                    latencies[first % NORMAL.length].add((System.nanoTime() - started) / 1_000);
                }
                connection.close();
            }));
        }
        AtomicInteger round = new AtomicInteger();
        for (int h = 0; h < hostileClients; h++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    for (Hostile request : hostile(System.currentTimeMillis())) {
                        if (stop.get()) {
                            break;
                        }
                        String path = request.path() + "&bench=" + round.incrementAndGet(); // never from the cache
                        long started = System.nanoTime();
                        String outcome;
                        try {
                            outcome = send(client, url, hostileToken, path, Duration.ofSeconds(120)) + "";
                        } catch (IOException | InterruptedException e) {
                            outcome = e.getClass().getSimpleName();
                        }
                        hostileOutcomes.computeIfAbsent(request.name(), k -> new java.util.concurrent
                                .CopyOnWriteArrayList<>()).add(outcome + " "
                                + (System.nanoTime() - started) / 1_000_000);
                    }
                }
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(130));
        }
        return phase;
    }

    private static int send(HttpClient client, String url, String token, String path, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * One HTTP/1.1 keep-alive connection on a plain socket, for the normal reads: the lightest client there is, so
     * that the client's own CPU (on the same cores as the server) adds as little as possible to what it measures.
     */
    private static final class KeepAlive {
        private final URI server;
        private final String token;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        KeepAlive(URI server, String token) {
            this.server = server;
            this.token = token;
        }

        /** The status of {@code GET path}, its body read and dropped; reconnects once if the server had closed. */
        int get(String path) throws IOException {
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nAuthorization: Bearer "
                    + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int attempt = 0; ; attempt++) {
                boolean fresh = socket == null;
                try {
                    if (fresh) {
                        socket = new java.net.Socket(server.getHost(), server.getPort());
                        socket.setSoTimeout(60_000);
                        socket.setTcpNoDelay(true);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 65_536);
                        out = socket.getOutputStream();
                    }
                    out.write(request);
                    out.flush();
                    return response();
                } catch (IOException e) {
                    close();
                    if (fresh || attempt > 0) {
                        throw e;
                    }
                }
            }
        }

        private int response() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (closes || (length < 0 && !chunked)) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder text = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("the server closed the connection");
                }
                if (b != '\r') {
                    text.append((char) b);
                }
            }
            return text.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** What a phase cost the gateway's memory: the largest RSS and heap in use seen, full GCs during it. */
    private record Memory(long rssKb, long heapKb, long fullGcs, double fullGcSeconds) {
    }

    /**
     * Samples a process's memory every 250 ms: VmRSS from /proc, the heap in use and the full collections from
     * {@code jstat -gc} (this JDK's, which reads the JVM's performance counters without attaching to it).
     */
    private static final class MemoryWatch {
        private final Thread thread;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Process jstat;
        private final Thread jstatReader;
        private volatile long maxRssKb;
        private volatile long maxHeapKb = -1;
        private volatile long firstFgc = -1;
        private volatile long lastFgc = -1;
        private volatile double firstFgct;
        private volatile double lastFgct;

        private MemoryWatch(long pid) throws IOException {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (!stop.get()) {
                    maxRssKb = Math.max(maxRssKb, rssKb(pid));
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
            jstat = new ProcessBuilder(java.resolveSibling("jstat").toString(), "-gc", Long.toString(pid), "250")
                    .redirectErrorStream(true).start();
            jstatReader = Thread.ofPlatform().daemon().start(this::readJstat);
        }

        /** Columns by name: S0U S1U EU OU are the heap in use (KB), FGC and FGCT the full collections. */
        private void readJstat() {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
                List<String> header = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    String[] cells = line.trim().split("\\s+");
                    if (cells.length > 0 && cells[0].equals("S0C")) {
                        header = List.of(cells);
                        continue;
                    }
                    if (header == null || cells.length != header.size()) {
                        continue;
                    }
                    double heap = 0;
                    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                        heap += Double.parseDouble(cells[header.indexOf(column)]);
                    }
                    maxHeapKb = Math.max(maxHeapKb, (long) heap);
                    long fgc = Long.parseLong(cells[header.indexOf("FGC")]);
                    double fgct = Double.parseDouble(cells[header.indexOf("FGCT")]);
                    if (firstFgc < 0) {
                        firstFgc = fgc;
                        firstFgct = fgct;
                    }
                    lastFgc = fgc;
                    lastFgct = fgct;
                }
            } catch (IOException | RuntimeException e) {
                // the phase is reported without heap figures
            }
        }

        static MemoryWatch start(long pid) throws IOException {
            return new MemoryWatch(pid);
        }

        Memory stop() throws InterruptedException {
            stop.set(true);
            thread.join();
            jstat.destroy();
            jstatReader.join(Duration.ofSeconds(5));
            return new Memory(maxRssKb, maxHeapKb, firstFgc < 0 ? -1 : lastFgc - firstFgc, lastFgct - firstFgct);
        }

        private static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }

    // ---- deadline -----------------------------------------------------------------------------------------------

    private static void deadline(String url, String token, Map<String, String> options) throws Exception {
        int requests = Integer.parseInt(options.getOrDefault("requests", "1000"));
        long deadlineMs = Long.parseLong(options.getOrDefault("deadline-ms", "15000"));
        URI server = URI.create(url);
        // Connected first, so that the time measured is the request's, not the client's connecting; raw sockets,
        // so that no client-side pool or selector thread stands between a request and the wire.
        java.net.Socket[] sockets = new java.net.Socket[requests];
        for (int i = 0; i < requests; i++) {
            sockets[i] = new java.net.Socket();
            sockets[i].connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()), 30_000);
            sockets[i].setSoTimeout(120_000);
        }
        long[] answeredMs = new long[requests];
        int[] statuses = new int[requests];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int index = i;
            byte[] request = ("GET /auth/global-config?fields=" + enc("{\"f" + index + "\":1}") + " HTTP/1.1\r\n"
                    + "Host: " + server.getHost() + "\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            threads.add(Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = sockets[index]) {
                    go.await();
                    long started = System.nanoTime();
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                    byte[] statusLine = socket.getInputStream().readNBytes(12); // "HTTP/1.1 504"
                    answeredMs[index] = (System.nanoTime() - started) / 1_000_000;
                    statuses[index] = Integer.parseInt(new String(statusLine, StandardCharsets.ISO_8859_1)
                            .substring(9, 12));
                    socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    statuses[index] = -1;
                    answeredMs[index] = -1;
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int s : statuses) {
            byStatus.merge(s, 1, Integer::sum);
        }
        long[] sorted = Arrays.stream(answeredMs).filter(v -> v >= 0).sorted().toArray();
        System.out.printf("%d requests at once on %d connections opened before, each its own ORK call, the ORK "
                + "answering after the deadline of %d ms%n", requests, requests, deadlineMs);
        System.out.printf("answered (ms from sending to the status line): min %d, p50 %d, p90 %d, p99 %d, max %d; "
                + "statuses %s%n", sorted.length == 0 ? 0 : sorted[0], pct(sorted, 0.50), pct(sorted, 0.90),
                pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], byStatus);
        System.out.printf("p99 / deadline: %.3f; max / deadline: %.3f%n", pct(sorted, 0.99) / (double) deadlineMs,
                (sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / (double) deadlineMs);
    }
}
