import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * One command, one table: throughput and latency of the gateway's hot routes next to a trivial Javalin handler
 * (the ceiling) measured in the same run, the fan-out of one request to 8 slow ORKs, RSS idle / under load /
 * over a soak, and start-up time to the first 200. See bench/README.md; run it through bench/run.sh.
 *
 * <p>Load comes from {@code wrk} (one thread, N connections, closed loop) with {@code bench/wrk/report.lua};
 * servers run pinned to CPU 0 and wrk to CPU 1 ({@code --pin on}), so that the two do not fight for a core.
 * Rounds alternate ceiling and gateway, and every number is shown as the median with the spread (min-max) of
 * the rounds, so that a noisy machine shows up as a wide spread instead of a wrong figure.
 */
public final class Bench {

    private static final String SPI_PACKAGE = "io.miningos.gateway.adapters.ork.spi";
    private static final String EMAIL = "admin@example.com";
    private static final Path BENCH = Path.of("bench");

    /** The shipped UI's first list-things query on its dashboard (API.md). */
    private static final String LIST_THINGS = "/auth/list-things?query=" + enc("{\"info.pos\":{\"$eq\":\"site\"}}")
            + "&fields=" + enc("{\"id\":1,\"last.snap.stats.power_w\":1,\"tags\":1}") + "&status=1&limit=100";
    /** The shipped UI's hashrate chart (API.md). */
    private static final String TAIL_LOG = "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&limit=288&aggrFields="
            + enc("{\"hashrate_mhs_1m_sum_aggr\":1}");
    /** An uncached ORK read for the fan-out rows (list-things has no cache in that configuration). */
    private static final String FAN_OUT = "/auth/list-things?limit=100";

    /** A measured route; with gzip the requests ask for compression, as a browser does (ceiling too). */
    private record Route(String label, String path, boolean gzip) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET /auth/userinfo", "/auth/userinfo", false),
            new Route("GET /auth/site", "/auth/site", false),
            new Route("GET /auth/list-things, cached", LIST_THINGS, false),
            new Route("GET /auth/tail-log, cached", TAIL_LOG, false),
            new Route("GET /auth/list-things, cached, gzip", LIST_THINGS, true));

    private final Options options;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Server> running = Collections.synchronizedList(new ArrayList<>());
    private final List<Process> helpers = Collections.synchronizedList(new ArrayList<>());
    private final StringBuilder notes = new StringBuilder();
    private String classPath;
    private final Path plugins;

    // results, filled by the sections, printed at the end
    private final Map<String, RouteResult> routeResults = new LinkedHashMap<>();
    private final Map<String, MemoryResult> memory = new LinkedHashMap<>();
    private final Map<String, StartResult> starts = new LinkedHashMap<>();
    private FanOutResult fanOut;
    private SoakResult soak;

    private Bench(Options options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("miningos-bench-");
        this.plugins = work.resolve("plugins");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Bench bench = new Bench(options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
        try {
            bench.run();
        } finally {
            bench.stopAll();
            if (options.keep) {
                System.err.println("work folder kept: " + bench.work);
            } else {
                bench.deleteWork();
            }
        }
    }

    // ---- the run --------------------------------------------------------------------------------------------

    private void run() throws Exception {
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        prepare();
        if (options.sections.contains("routes")) {
            routes();
        }
        if (options.sections.contains("analytics")) {
            analytics();
        }
        if (options.sections.contains("fanout")) {
            fanOut();
        }
        if (options.sections.contains("startup")) {
            startUp();
        }
        if (options.sections.contains("soak") && options.soakSeconds > 0) {
            soak();
        }
        printTable(started, loadBefore, loadAverage());
    }

    private void prepare() throws IOException {
        Path jar = options.jar.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (bench/run.sh does)");
        }
        Path fixture = work.resolve("fixture-classes");
        Path ceiling = work.resolve("ceiling-classes");
        String spi = spiPackage(jar);
        compile(jar, fixture, rewrittenFixtureSources(spi));
        Path services = fixture.resolve("META-INF/services/" + spi + ".OrkTransportProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "io.miningos.bench.FixedSiteTransportProvider\n");
        // installed as a site installs a third-party transport: a jar in the plugins folder (gateway.pluginsDir)
        Files.createDirectories(plugins);
        java.util.spi.ToolProvider jarTool = java.util.spi.ToolProvider.findFirst("jar").orElseThrow();
        if (jarTool.run(System.out, System.err, "--create", "--file", plugins.resolve("bench-fixed.jar").toString(),
                "-C", fixture.toString(), ".") != 0) {
            throw new IllegalStateException("jarring the bench fixture failed");
        }
        compile(jar, ceiling, List.of(BENCH.resolve("ceiling/Ceiling.java").toAbsolutePath()));
        classPath = ceiling + ":" + jar;
    }

    /** Where the transport SPI lives in this jar (the package may move; the fixture follows it). */
    private static String spiPackage(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith("/OrkTransportProvider.class") && n.startsWith("io/miningos/"))
                    .map(n -> n.substring(0, n.length() - "/OrkTransportProvider.class".length()).replace('/', '.'))
                    .findFirst().orElseThrow(() -> new IllegalStateException(jar + " has no OrkTransportProvider"));
        }
    }

    private List<Path> rewrittenFixtureSources(String spi) throws IOException {
        Path dir = work.resolve("fixture-src");
        Files.createDirectories(dir);
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(BENCH.resolve("fixture"))) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path copy = dir.resolve(source.getFileName());
                Files.writeString(copy, Files.readString(source).replace(SPI_PACKAGE, spi));
                sources.add(copy);
            }
        }
        return sources;
    }

    private static void compile(Path jar, Path out, List<Path> sources) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-nowarn", "-cp", jar.toString(),
                "-d", out.toString()));
        sources.forEach(s -> args.add(s.toString()));
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("compiling " + sources + " failed");
        }
    }

    // ---- section: hot routes against the ceiling ------------------------------------------------------------

    private void routes() throws Exception {
        progress("routes: starting the ceiling and the gateway (bench-fixed ORKs)");
        Server ceiling = startCeiling("ceiling", options.pin ? "0" : null);
        Path config = fixtureConfig("fixture", options.orks, options.things, 0, "15m");
        Server gateway = startGateway("gateway", config, options.pin ? "0" : null);
        Server baseline = options.baseline == null ? null
                : startGateway("baseline", config, options.pin ? "0" : null, options.baseline);
        sleep(options.settleSeconds);
        MemoryResult ceilingMemory = memory.computeIfAbsent("ceiling (trivial Javalin)", k -> new MemoryResult());
        MemoryResult gatewayMemory = memory.computeIfAbsent("gateway, bench-fixed ORKs", k -> new MemoryResult());
        ceilingMemory.idle = ceiling.rssMb();
        gatewayMemory.idle = gateway.rssMb();
        ceilingMemory.jvm = jvmSizing(ceiling);
        gatewayMemory.jvm = jvmSizing(gateway);

        RssSampler[] load = new RssSampler[2];
        measure(ceiling, gateway, baseline, ROUTES, () -> {
            load[0] = new RssSampler(ceiling, 1);
            load[1] = new RssSampler(gateway, 1);
        });
        RssSampler ceilingLoad = load[0];
        RssSampler gatewayLoad = load[1];
        ceilingMemory.load = ceilingLoad.stop();
        gatewayMemory.load = gatewayLoad.stop();
        sleep(options.settleSeconds);
        ceilingMemory.afterLoad = ceiling.rssMb();
        gatewayMemory.afterLoad = gateway.rssMb();
        histogram(gateway, "after-load");
        profile(gateway, ROUTES);
        stop(ceiling);
        stop(gateway);
        if (baseline != null) {
            stop(baseline);
        }
    }

    /**
     * Every route of {@code routes} against the ceiling for its answer size (and the baseline, if any): a warm-up
     * each, then {@code --rounds} rounds alternating the servers; the results go to the route table.
     */
    private void measure(Server ceiling, Server gateway, Server baseline, List<Route> routes, Runnable beforeRounds)
            throws Exception {
        Map<Route, Integer> sizes = new LinkedHashMap<>(); // ordered like routes
        for (Route route : routes) {
            sizes.put(route, fetch(gateway, route.path(), 200).length);
        }
        progress("routes: answer sizes " + sizes.values() + " bytes; warming up " + options.warmupSeconds + " s each");
        for (Route route : routes) {
            wrk(ceiling, "/bytes/" + sizes.get(route), options.connections, options.warmupSeconds, null, route.gzip());
            wrk(gateway, route.path(), options.connections, options.warmupSeconds, null, route.gzip());
            if (baseline != null) {
                wrk(baseline, route.path(), options.connections, options.warmupSeconds, null, route.gzip());
            }
        }
        beforeRounds.run();
        for (int round = 1; round <= options.rounds; round++) {
            for (Route route : routes) {
                progress("routes: round " + round + "/" + options.rounds + ": " + route.label());
                RouteResult result = routeResults.computeIfAbsent(route.label(), k -> new RouteResult());
                result.bytes = sizes.get(route);
                result.ceiling.add(wrk(ceiling, "/bytes/" + sizes.get(route), options.connections,
                        options.seconds, null, route.gzip()));
                result.gateway.add(wrk(gateway, route.path(), options.connections, options.seconds, null,
                        route.gzip()));
                if (baseline != null) {
                    result.baseline.add(wrk(baseline, route.path(), options.connections, options.seconds, null,
                            route.gzip()));
                }
            }
        }
    }

    /**
     * The analytics rows: the demo's simulated site (one ORK of 540 miners, a year of production costs entered
     * through the API) answering the analytics routes from its cache (TTL 15 min, so no recomputation falls into a
     * round). The first, computed answer of each is timed once and noted.
     */
    private void analytics() throws Exception {
        progress("analytics: starting the ceiling and the gateway (the demo's simulated site)");
        Server ceiling = startCeiling("ceiling-analytics", options.pin ? "0" : null);
        Server gateway = startGateway("gateway-analytics", analyticsConfig(), options.pin ? "0" : null);
        long now = System.currentTimeMillis();
        long day = 86_400_000L;
        long monthAgo = now / day * day - 29 * day;
        for (int month = 0; month < 13; month++) {
            java.time.YearMonth ym = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(month);
            post(gateway, "/auth/global/data?type=productionCosts", "{\"data\":{\"year\":" + ym.getYear()
                    + ",\"month\":" + ym.getMonthValue() + ",\"energyCost\":60000,\"operationalCost\":15000}}");
        }
        List<Route> routes = List.of(
                new Route("metrics/hashrate, 30 days, cached", "/auth/metrics/hashrate?start=" + monthAgo + "&end="
                        + now, false),
                new Route("finance/revenue-summary, cached", "/auth/finance/revenue-summary?start=" + monthAgo
                        + "&end=" + now, false),
                new Route("site/status/live, cached", "/auth/site/status/live", false));
        for (Route route : routes) {
            // a new simulated ORK fills its day sums first: the first answers may time out
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            int status;
            do {
                status = poll(gateway, route.path(), Duration.ofSeconds(90));
            } while (status != 200 && Instant.now().isBefore(deadline));
            long started = System.nanoTime();
            fetch(gateway, route.path() + (route.path().contains("?") ? "&" : "?") + "overwriteCache=true", 200);
            note(String.format(Locale.ROOT, "analytics: %s computed in %.0f ms (one uncached answer, after the first)",
                    route.label().replace(", cached", ""), (System.nanoTime() - started) / 1e6));
        }
        sleep(options.settleSeconds);
        measure(ceiling, gateway, null, routes, () -> {
        });
        stop(ceiling);
        stop(gateway);
    }

    /** The embedded demo's ORK (DemoSite) with the analytics routes cached for 15 minutes. */
    private Path analyticsConfig() throws IOException {
        Path dir = work.resolve("analytics-config");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("common.json"), "{ \"site\": \"demo-site\", \"orks\": { \"cluster-1\": {"
                + " \"transport\": \"sim\", \"seed\": 1, \"site\": \"demo-site\", \"miners\": 500, \"m63Miners\": 40 } },\n"
                + "  \"cacheTiming\": { \"/auth/metrics/hashrate\": \"15m\", \"/auth/finance/revenue-summary\": \"15m\","
                + " \"/auth/site/status/live\": \"15m\" },\n  \"rpcTimeout\": 60000,\n"
                + "  \"gateway\": { \"host\": \"127.0.0.1\" } }\n");
        return dir;
    }

    private void post(Server server, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port
                        + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + server.token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(server.name + " answered " + response.statusCode() + " on " + path + ": "
                    + response.body());
        }
    }

    /**
     * With --jfr DIR: one JFR recording (profile settings) of the gateway per route under the same wrk load, and
     * for each the JDK's own summaries: hot methods, allocation by class and by site.
     */
    private void profile(Server gateway, java.util.Collection<Route> routes) throws Exception {
        if (options.jfrDir == null) {
            return;
        }
        Files.createDirectories(options.jfrDir);
        Path bin = Path.of(options.java).getParent();
        for (Route route : routes) {
            String name = route.path().replaceAll("\\?.*", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-", "")
                    + (route.gzip() ? "-gzip" : "");
            Path recording = options.jfrDir.resolve(name + ".jfr");
            progress("profile: " + route.label() + " -> " + recording);
            run(bin.resolve("jcmd").toString(), String.valueOf(gateway.process.pid()), "JFR.start", "name=bench",
                    "settings=profile", "method-profiling=max");
            WrkResult load = wrk(gateway, route.path(), options.connections, options.seconds, null, route.gzip());
            run(bin.resolve("jcmd").toString(), String.valueOf(gateway.process.pid()), "JFR.stop", "name=bench",
                    "filename=" + recording);
            Files.writeString(options.jfrDir.resolve(name + ".txt"), String.format(Locale.ROOT,
                    "%s under wrk -c%d for %d s: %.0f req/s, p50 %.2f ms, p99 %.2f ms (with JFR on)%n%n",
                    route.label(), options.connections, options.seconds, load.rps(), load.p50Us() / 1000.0,
                    load.p99Us() / 1000.0)
                    + run(bin.resolve("jfr").toString(), "view", "--width", "200", "hot-methods", recording.toString())
                    + run(bin.resolve("jfr").toString(), "view", "--width", "200", "allocation-by-class",
                    recording.toString())
                    + run(bin.resolve("jfr").toString(), "view", "--width", "200", "allocation-by-site",
                    recording.toString()));
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    // ---- section: fan-out to slow ORKs ----------------------------------------------------------------------

    private void fanOut() throws Exception {
        progress("fan-out: starting gateways with 8 and 1 bench-fixed ORKs answering after 100 ms, no cache");
        Server eight = startGateway("fanout-8", fixtureConfig("fanout-8", 8, 12, 100, "0s"),
                options.pin ? "0" : null);
        Server one = startGateway("fanout-1", fixtureConfig("fanout-1", 1, 12, 100, "0s"),
                options.pin ? "0" : null);
        fetch(eight, FAN_OUT, 200);
        fetch(one, FAN_OUT, 200);
        wrk(one, FAN_OUT, 1, Math.min(3, options.warmupSeconds), null);
        wrk(eight, FAN_OUT, 1, Math.min(3, options.warmupSeconds), null);
        fanOut = new FanOutResult();
        for (int round = 1; round <= options.rounds; round++) {
            progress("fan-out: round " + round + "/" + options.rounds);
            fanOut.one.add(wrk(one, FAN_OUT, 1, options.seconds, null));
            fanOut.eight.add(wrk(eight, FAN_OUT, 1, options.seconds, null));
        }
        stop(eight);
        stop(one);
    }

    // ---- section: start-up ----------------------------------------------------------------------------------

    private void startUp() throws Exception {
        List<StartTarget> targets = new ArrayList<>();
        targets.add(new StartTarget("ceiling (trivial Javalin)", null, null, null, null));
        Path demoData = work.resolve("start-demo-data");
        targets.add(new StartTarget("demo (2 sim ORKs)", null, demoData, token(demoData, null),
                "/auth/list-things?limit=1"));
        for (Map.Entry<String, List<String>> variant : options.startVariants.entrySet()) {
            Path data = work.resolve("start-demo-" + variant.getKey().replaceAll("[^A-Za-z0-9]", "_") + "-data");
            targets.add(new StartTarget("demo, " + variant.getKey(), null, data, token(data, null),
                    "/auth/list-things?limit=1", variant.getValue()));
        }
        if (options.baseline != null) {
            Path data = work.resolve("start-demo-baseline-data");
            targets.add(new StartTarget("demo, baseline jar", null, data, token(data, null, options.baseline),
                    "/auth/list-things?limit=1", null, options.baseline));
        }
        Optional<Path> hrpc = hrpcConfig();
        if (hrpc.isPresent()) {
            Path hrpcData = work.resolve("start-hrpc-data");
            targets.add(new StartTarget(hrpcLabel, hrpc.get(), hrpcData, token(hrpcData, hrpc.get()),
                    "/auth/global-config"));
        }
        for (StartTarget target : targets) { // the first start of a data folder unpacks / creates things
            progress("start-up: first start of " + target.label);
            StartResult result = starts.computeIfAbsent(target.label, k -> new StartResult());
            result.first = startOnce(target, false);
        }
        for (int i = 1; i <= options.starts; i++) {
            for (StartTarget target : targets) {
                progress("start-up: " + target.label + " start " + i + "/" + options.starts);
                starts.get(target.label).runs.add(startOnce(target, i == options.starts));
            }
        }
    }

    /** One thing to start; jvmOptions null means --jvm-opts. */
    private record StartTarget(String label, Path config, Path dataDir, String token, String orkPath,
                               List<String> jvmOptions, Path jar) {
        StartTarget(String label, Path config, Path dataDir, String token, String orkPath) {
            this(label, config, dataDir, token, orkPath, null, null);
        }

        StartTarget(String label, Path config, Path dataDir, String token, String orkPath, List<String> jvmOptions) {
            this(label, config, dataDir, token, orkPath, jvmOptions, null);
        }
    }

    private String hrpcLabel = "hrpc (1 ORK)";

    /** A configuration with one hrpc ORK: on the test network harness if it was built, else an unreachable key. */
    private Optional<Path> hrpcConfig() throws IOException {
        try (ZipFile zip = new ZipFile(options.jar.toFile())) {
            if (zip.stream().noneMatch(e -> e.getName().endsWith("/HrpcTransportProvider.class"))) {
                note("no hrpc start-up row: this jar has no hrpc transport (built with -DnoHrpc?)");
                return Optional.empty();
            }
        }
        Optional<Path> harness = findHarness();
        String orkJson;
        if (harness.isPresent() && onPath("node")) {
            Process process = new ProcessBuilder("node", harness.get().resolve("harness.js").toString())
                    .directory(harness.get().toFile())
                    .redirectError(work.resolve("hrpc-test-network.log").toFile()).start();
            helpers.add(process);
            String ready = readLine(process, Duration.ofSeconds(60));
            Matcher key = Pattern.compile("\"serverKey\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(ready);
            Matcher boot = Pattern.compile("\"bootstrap\"\\s*:\\s*(\\[[^]]*])").matcher(ready);
            if (!key.find() || !boot.find()) {
                throw new IllegalStateException("hrpc test network said: " + ready);
            }
            orkJson = "{\"transport\": \"hrpc\", \"rpcPublicKey\": \"" + key.group(1) + "\", \"bootstrap\": "
                    + boot.group(1) + "}";
            hrpcLabel = "hrpc (1 ORK, test network)";
        } else {
            // A key nobody serves, and a bootstrap node on loopback that does not exist: the bridge never reaches
            // anyone (and sends nothing off this machine), which still shows /auth/site not waiting for it.
            orkJson = "{\"transport\": \"hrpc\", \"rpcPublicKey\": \"" + "ab".repeat(32)
                    + "\", \"bootstrap\": [\"127.0.0.1:" + freePort() + "\"]}";
            hrpcLabel = "hrpc (1 ORK, unreachable)";
            note("hrpc start-up used an unreachable ORK: " + (harness.isEmpty()
                    ? "no built test network (*/target/hrpc-test-network/harness.js)" : "no node on PATH"));
        }
        Path dir = work.resolve("hrpc-config");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("common.json"), "{ \"site\": \"bench-site\", \"rpcTimeout\": 5000,"
                + " \"orks\": { \"cluster-1\": " + orkJson + " }, \"gateway\": { \"host\": \"127.0.0.1\" } }\n");
        return Optional.of(dir);
    }

    private static Optional<Path> findHarness() throws IOException {
        try (Stream<Path> found = Files.find(Path.of("."), 6, (p, a) -> p.endsWith("harness.js")
                && p.getParent().endsWith("hrpc-test-network") && p.toString().contains("/target/"))) {
            return found.map(p -> p.getParent().toAbsolutePath().normalize())
                    .max(Comparator.comparing(p -> p.toFile().lastModified())); // the latest build's
        }
    }

    private StartRun startOnce(StartTarget target, boolean measureMemory) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(javaCommand());
        String readyPath;
        if (target.dataDir == null) {
            command.addAll(List.of("Ceiling", String.valueOf(port)));
            readyPath = "/bytes/2";
        } else {
            command = new ArrayList<>(javaJarCommand(target.jvmOptions == null ? options.jvmOptions
                    : target.jvmOptions, target.jar == null ? options.jar : target.jar));
            command.addAll(List.of("serve", "--port", String.valueOf(port), "--data-dir",
                    target.dataDir.toString()));
            if (target.config != null) {
                command.addAll(List.of("--config", target.config.toString()));
            }
            readyPath = "/auth/site";
        }
        long t0 = System.nanoTime();
        Server server = launch(target.label, command, port, target.token);
        StartRun run = new StartRun();
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
            while (run.first200Ms < 0) {
                if (System.nanoTime() > deadline || !server.process.isAlive()) {
                    throw new IllegalStateException(target.label + " did not answer 200 on " + readyPath
                            + " within 60 s; log: " + server.log);
                }
                int status = poll(server, readyPath, Duration.ofSeconds(5));
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                if (status > 0 && run.firstResponseMs < 0) {
                    run.firstResponseMs = ms;
                }
                if (status == 200) {
                    run.first200Ms = ms;
                } else {
                    sleepMillis(5);
                }
            }
            if (target.orkPath != null) {
                while (run.firstOrkMs < 0 && System.nanoTime() < deadline) {
                    if (poll(server, target.orkPath, Duration.ofSeconds(30)) == 200) {
                        run.firstOrkMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    } else {
                        sleepMillis(20);
                    }
                }
            }
            if (measureMemory) {
                sleep(options.settleSeconds);
                MemoryResult mem = memory.computeIfAbsent("start-up: " + target.label, k -> new MemoryResult());
                mem.idle = server.rssMb();
                mem.jvm = jvmSizing(server);
            }
        } finally {
            stop(server);
        }
        return run;
    }

    // ---- section: soak on the demo site ---------------------------------------------------------------------

    private void soak() throws Exception {
        progress("soak: starting the gateway on the demo site (2 sim ORKs)");
        Server gateway = startGateway("soak", null, options.soakPin ? "0" : null);
        sleep(options.settleSeconds);
        MemoryResult mem = memory.computeIfAbsent("gateway, demo site (soak)", k -> new MemoryResult());
        mem.idle = gateway.rssMb();
        mem.jvm = jvmSizing(gateway);
        List<String> paths = soakPaths(Instant.now());
        Path pathsFile = work.resolve("soak-paths.txt");
        Files.write(pathsFile, paths);
        List<String> refused = new ArrayList<>();
        for (String path : paths.stream().map(Bench::template).distinct().toList()) {
            String full = paths.stream().filter(p -> template(p).equals(path)).findFirst().orElseThrow();
            int status = poll(gateway, full, Duration.ofSeconds(30));
            if (status != 200) {
                refused.add(status + " " + full);
            }
        }
        if (!refused.isEmpty()) {
            note("soak: some mix paths did not answer 200: " + refused);
        }
        progress("soak: " + paths.size() + " paths, " + options.soakConnections + " connections, "
                + options.soakSeconds + " s, RSS every " + options.soakEvery + " s");
        soak = new SoakResult();
        soak.paths = paths.size();
        RssSampler sampler = new RssSampler(gateway, options.soakEvery);
        soak.load = wrk(gateway, "/auth/site", options.soakConnections, options.soakSeconds, pathsFile, false,
                options.soakPin);
        sampler.stop();
        soak.samples = sampler.samples();
        sleep(options.settleSeconds);
        mem.afterLoad = gateway.rssMb();
        mem.load = soak.samples.stream().mapToDouble(d -> d).max().orElse(-1);
        histogram(gateway, "after-soak");
        stop(gateway);
    }

    /**
     * What the shipped UI asks for while people look around (API.md's observed list, plus charts over moving
     * windows): a few hundred distinct requests, many with their own time range, so that the caches fill as
     * they do over hours of use.
     */
    private static List<String> soakPaths(Instant now) {
        List<String> fixed = new ArrayList<>(List.of(
                "/auth/userinfo", "/auth/site", "/auth/permissions", "/auth/featureConfig", "/auth/features",
                "/auth/global-config", LIST_THINGS,
                "/auth/list-things?query=" + enc("{\"last.alerts\":{\"$elemMatch\":{\"severity\":\"critical\"}}}")
                        + "&fields=" + enc("{\"last.snap.stats.status\":1,\"last.alerts\":1,"
                        + "\"last.snap.config.firmware_ver\":1,\"info\":1,\"type\":1,\"id\":1}") + "&limit=1000",
                "/auth/list-things?query=" + enc("{\"last.alerts\":{\"$ne\":null}}") + "&fields="
                        + enc("{\"id\":1,\"type\":1,\"info.pos\":1,\"info.container\":1,\"last.alerts\":1}"),
                "/auth/list-things?status=1&limit=1000",
                "/auth/tail-log/multi?limit=1&keys=" + enc("[{\"key\":\"stat-rtd\",\"type\":\"miner\",\"tag\":\"t-miner\"},"
                        + "{\"key\":\"stat-rtd\",\"type\":\"powermeter\",\"tag\":\"t-powermeter\"},"
                        + "{\"key\":\"stat-rtd\",\"type\":\"container\",\"tag\":\"t-container\"}]")
                        + "&aggrFields=" + enc("{\"hashrate_mhs_1m_sum_aggr\":1,\"hashrate_mhs_1m_cnt_aggr\":1,"
                        + "\"alerts_aggr\":1,\"site_power_w\":1}"),
                TAIL_LOG,
                "/auth/tail-log?key=stat-5m&type=powermeter&tag=t-powermeter&limit=288&aggrFields="
                        + enc("{\"site_power_w\":1,\"power_w_sum_aggr\":1}"),
                "/auth/tail-log?key=stat-5m&type=container&tag=t-container&limit=1&aggrFields="
                        + enc("{\"container_nominal_miner_capacity_sum_aggr\":1}"),
                "/auth/actions?queries=" + enc("[{\"type\":\"voting\",\"opts\":{\"reverse\":true,\"limit\":1000}},"
                        + "{\"type\":\"done\",\"opts\":{\"reverse\":true,\"limit\":3}}]"),
                "/auth/ext-data?type=minerpool&query=" + enc("{\"key\":\"stats\"}"),
                "/auth/list-racks?type=miner",
                "/auth/history-log?logType=alerts&limit=100"));
        List<String> paths = new ArrayList<>(fixed);
        long end = now.truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        for (int i = 0; i < 120; i++) { // charts over windows that move by a minute, as a UI left open asks
            long windowEnd = end - i * 60_000L;
            long day = 86_400_000L;
            paths.add("/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&start=" + (windowEnd - day) + "&end="
                    + windowEnd + "&aggrFields=" + enc("{\"hashrate_mhs_1m_sum_aggr\":1}"));
            paths.add("/auth/history-log?logType=alerts&start=" + (windowEnd - 7 * day) + "&end=" + windowEnd);
            paths.add("/auth/list-things?status=1&limit=50&offset=" + (i % 10) * 50 + "&sort="
                    + enc("{\"id\":" + (i % 2 == 0 ? 1 : -1) + "}"));
            paths.addAll(fixed.subList(0, 7)); // the cheap ones stay frequent
        }
        return paths;
    }

    private static String template(String path) {
        return path.replaceAll("[0-9]+", "N");
    }

    // ---- servers --------------------------------------------------------------------------------------------

    private final class Server {
        final String name;
        final Process process;
        final int port;
        final String token;
        final Path log;

        Server(String name, Process process, int port, String token, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.token = token;
            this.log = log;
        }

        /** RSS of the server and every process it started (the hrpc bridge), in MB. */
        double rssMb() {
            long kb = rssKb(process.pid()) + process.descendants().mapToLong(p -> rssKb(p.pid())).sum();
            return kb / 1024.0;
        }
    }

    private Server startCeiling(String name, String cpu) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(pinned(cpu));
        command.addAll(javaCommand());
        command.addAll(List.of("Ceiling", String.valueOf(port)));
        Server server = launch(name, command, port, null);
        awaitStatus(server, "/bytes/2", 200);
        return server;
    }

    /** Starts a gateway (the embedded demo when config is null), makes a token and waits for a 200. */
    private Server startGateway(String name, Path config, String cpu) throws Exception {
        return startGateway(name, config, cpu, options.jar);
    }

    private Server startGateway(String name, Path config, String cpu, Path jar) throws Exception {
        int port = freePort();
        Path data = work.resolve(name + "-data");
        String token = token(data, config, jar);
        List<String> command = new ArrayList<>(pinned(cpu));
        command.addAll(javaJarCommand(options.jvmOptions, jar));
        command.addAll(List.of("serve", "--port", String.valueOf(port), "--data-dir", data.toString()));
        if (config != null) {
            command.addAll(List.of("--config", config.toString()));
        }
        Server server = launch(name, command, port, token);
        awaitStatus(server, "/auth/site", 200);
        return server;
    }

    private Server launch(String name, List<String> command, int port, String token) throws IOException {
        Path log = work.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(options.env);
        Process process = builder.start();
        Server server = new Server(name, process, port, token, log);
        running.add(server);
        return server;
    }

    /** java with the JVM options under test and the class path of the ceiling (and the jar, for Javalin). */
    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(options.java);
        command.addAll(options.jvmOptions);
        // what the jar's manifest grants under java -jar (sqlite-jdbc loads its native library)
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", classPath));
        return command;
    }

    /** java -jar as an operator runs it, up to the command (the fixture comes in through the plugins folder). */
    private List<String> javaJarCommand() {
        return javaJarCommand(options.jvmOptions);
    }

    private List<String> javaJarCommand(List<String> jvmOptions) {
        return javaJarCommand(jvmOptions, options.jar);
    }

    private List<String> javaJarCommand(List<String> jvmOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(options.java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return command;
    }

    private List<String> pinned(String cpu) {
        return cpu == null ? List.of() : List.of("taskset", "-c", cpu);
    }

    /** Makes the data folder (if new) and a token for the super admin with the gateway's own CLI. */
    private String token(Path data, Path config) throws Exception {
        return token(data, config, options.jar);
    }

    private String token(Path data, Path config, Path jar) throws Exception {
        List<String> command = new ArrayList<>(List.of(options.java, "-jar", jar.toAbsolutePath().toString(),
                "token", "--data-dir", data.toString(), "--email", EMAIL));
        if (config != null) {
            command.addAll(List.of("--config", config.toString()));
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("token command failed: " + command);
        }
        String[] lines = out.split("\n");
        return lines[lines.length - 1].trim();
    }

    private Path fixtureConfig(String name, int orks, int things, int latencyMs, String cacheTtl) throws IOException {
        String entries = java.util.stream.IntStream.rangeClosed(1, orks)
                .mapToObj(i -> "\"cluster-" + i + "\": {\"transport\": \"bench-fixed\", \"things\": " + things
                        + ", \"latencyMs\": " + latencyMs + "}")
                .collect(Collectors.joining(", "));
        Path dir = work.resolve(name + "-config");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("common.json"), "{ \"site\": \"bench-site\", \"orks\": { " + entries + " },\n"
                + "  \"cacheTiming\": { \"/auth/list-things\": \"" + cacheTtl + "\", \"/auth/tail-log\": \""
                + cacheTtl + "\" },\n  \"gateway\": { \"host\": \"127.0.0.1\", \"pluginsDir\": \"" + plugins + "\" } }\n");
        return dir;
    }

    private void stop(Server server) {
        server.process.destroy(); // SIGTERM: the gateway stops gracefully
        try {
            if (!server.process.waitFor(20, TimeUnit.SECONDS)) {
                server.process.descendants().forEach(ProcessHandle::destroyForcibly);
                server.process.destroyForcibly();
                server.process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.remove(server);
    }

    private void stopAll() {
        for (Server server : List.copyOf(running)) {
            stop(server);
        }
        for (Process helper : List.copyOf(helpers)) {
            try {
                helper.getOutputStream().close(); // the harness stops when its stdin ends
                if (!helper.waitFor(5, TimeUnit.SECONDS)) {
                    helper.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                helper.destroyForcibly();
            }
            helpers.remove(helper);
        }
    }

    private void awaitStatus(Server server, String path, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = -1;
        while (System.nanoTime() < deadline && server.process.isAlive()) {
            status = poll(server, path, Duration.ofSeconds(10));
            if (status == expected) {
                return;
            }
            sleepMillis(20);
        }
        throw new IllegalStateException(server.name + " did not answer " + expected + " on " + path + " (last "
                + status + "); log: " + server.log);
    }

    /** The status of one GET, or -1 if nothing answered. */
    private int poll(Server server, String path, Duration timeout) throws InterruptedException {
        try {
            return http.send(request(server, path, timeout), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private byte[] fetch(Server server, String path, int expected) throws Exception {
        HttpResponse<byte[]> response = http.send(request(server, path, Duration.ofSeconds(30)),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(server.name + " answered " + response.statusCode() + " on " + path + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private HttpRequest request(Server server, String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .timeout(timeout).GET();
        if (server.token != null) {
            builder.header("Authorization", "Bearer " + server.token);
        }
        return builder.build();
    }

    // ---- wrk ------------------------------------------------------------------------------------------------

    /** What wrk measured, and the CPU time the server process (all its threads) used meanwhile. */
    private record WrkResult(long requests, double seconds, long non2xx, long socketErrors, long bytes, long p50Us,
                             long p90Us, long p99Us, long maxUs, double serverCpuMs) {
        double rps() {
            return requests / seconds;
        }

        /** Server CPU per request, in microseconds: unlike req/s, hardly moved by other processes' load. */
        double cpuUsPerRequest() {
            return requests == 0 || serverCpuMs < 0 ? Double.NaN : serverCpuMs * 1000.0 / requests;
        }
    }

    private WrkResult wrk(Server server, String path, int connections, int seconds, Path pathsFile)
            throws Exception {
        return wrk(server, path, connections, seconds, pathsFile, false);
    }

    private WrkResult wrk(Server server, String path, int connections, int seconds, Path pathsFile, boolean gzip)
            throws Exception {
        return wrk(server, path, connections, seconds, pathsFile, gzip, options.pin);
    }

    private WrkResult wrk(Server server, String path, int connections, int seconds, Path pathsFile, boolean gzip,
                          boolean pin) throws Exception {
        List<String> command = new ArrayList<>(pinned(pin ? "1" : null));
        command.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", BENCH.resolve("wrk/report.lua").toAbsolutePath().toString(),
                "http://127.0.0.1:" + server.port + path));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BENCH_TOKEN", server.token == null ? "" : server.token);
        builder.environment().put("BENCH_PATHS", pathsFile == null ? "" : pathsFile.toString());
        builder.environment().put("BENCH_GZIP", gzip ? "1" : "0");
        double cpuBefore = cpuMs(server.process.pid());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        double cpuAfter = cpuMs(server.process.pid());
        Matcher line = Pattern.compile("BENCH (.*)").matcher(out);
        if (!line.find()) {
            throw new IllegalStateException("wrk printed no BENCH line: " + out);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.group(1).trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        WrkResult result = new WrkResult(Long.parseLong(values.get("requests")),
                Double.parseDouble(values.get("seconds")), Long.parseLong(values.get("non2xx")),
                Long.parseLong(values.get("socket_errors")), Long.parseLong(values.get("bytes")),
                Long.parseLong(values.get("p50_us")), Long.parseLong(values.get("p90_us")),
                Long.parseLong(values.get("p99_us")), Long.parseLong(values.get("max_us")),
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
        if (result.non2xx() > 0 || result.socketErrors() > 0) {
            note(server.name + " " + abbreviate(path) + ": " + result.non2xx() + " non-2xx answers, "
                    + result.socketErrors() + " socket errors of " + result.requests());
        }
        return result;
    }

    /** User + system CPU time of a process (all its threads) so far, in ms, from /proc; -1 if unreadable. */
    private static double cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Clock ticks per second of /proc's times (USER_HZ), 100 on Linux unless getconf says otherwise. */
    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;
        }
    }

    // ---- memory ---------------------------------------------------------------------------------------------

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0; // gone
        }
        return 0;
    }

    /** The collector and maximum heap the JVM chose (or was told), e.g. {@code G1 6144m}, from jcmd VM.flags. */
    private String jvmSizing(Server server) {
        try {
            Process process = new ProcessBuilder(Path.of(options.java).resolveSibling("jcmd").toString(),
                    String.valueOf(server.process.pid()), "VM.flags").redirectErrorStream(true).start();
            String flags = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher gc = Pattern.compile("-XX:\\+Use(\\w+)GC\\b").matcher(flags);
            Matcher heap = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(flags);
            return (gc.find() ? gc.group(1) : "?") + " " + (heap.find() ? Long.parseLong(heap.group(1)) / (1024 * 1024)
                    + "m" : "?");
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    /** Samples a server's RSS every few seconds until stopped. */
    private static final class RssSampler {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
        });
        private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();

        RssSampler(Server server, int everySeconds) {
            timer.scheduleAtFixedRate(() -> samples.add(server.rssMb()), 0, everySeconds, TimeUnit.SECONDS);
        }

        /** Stops and returns the largest sample. */
        double stop() {
            timer.shutdownNow();
            return samples.stream().mapToDouble(d -> d).max().orElse(-1);
        }

        List<Double> samples() {
            return List.copyOf(samples);
        }
    }

    /** With --histo DIR: a class histogram (live objects, after a full GC) of the server, top lines. */
    private void histogram(Server server, String when) throws Exception {
        if (options.histoDir == null) {
            return;
        }
        Files.createDirectories(options.histoDir);
        Path jcmd = Path.of(options.java).resolveSibling("jcmd");
        // before the histogram's full GC: what the process holds now (NMT only if started with
        // -XX:NativeMemoryTracking=summary; otherwise the file says it is off)
        new ProcessBuilder(jcmd.toString(), String.valueOf(server.process.pid()), "VM.native_memory", "summary")
                .redirectErrorStream(true)
                .redirectOutput(options.histoDir.resolve(server.name + "-" + when + ".nmt.txt").toFile())
                .start().waitFor(60, TimeUnit.SECONDS);
        new ProcessBuilder(jcmd.toString(), String.valueOf(server.process.pid()), "GC.heap_info")
                .redirectErrorStream(true)
                .redirectOutput(options.histoDir.resolve(server.name + "-" + when + ".heap-before-gc.txt").toFile())
                .start().waitFor(60, TimeUnit.SECONDS);
        Path file = options.histoDir.resolve(server.name + "-" + when + ".histo.txt");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(server.process.pid()),
                "GC.class_histogram").redirectErrorStream(true).redirectOutput(file.toFile()).start();
        process.waitFor(120, TimeUnit.SECONDS);
        Path heap = options.histoDir.resolve(server.name + "-" + when + ".heap.txt");
        new ProcessBuilder(jcmd.toString(), String.valueOf(server.process.pid()), "GC.heap_info")
                .redirectErrorStream(true).redirectOutput(heap.toFile()).start().waitFor(60, TimeUnit.SECONDS);
        note("heap histogram of " + server.name + " " + when + ": " + file);
    }

    // ---- the table ------------------------------------------------------------------------------------------

    private static final class RouteResult {
        int bytes;
        final List<WrkResult> gateway = new ArrayList<>();
        final List<WrkResult> ceiling = new ArrayList<>();
        final List<WrkResult> baseline = new ArrayList<>();
    }

    private static final class FanOutResult {
        final List<WrkResult> one = new ArrayList<>();
        final List<WrkResult> eight = new ArrayList<>();
    }

    private static final class MemoryResult {
        String jvm = "-";
        double idle = -1;
        double load = -1;
        double afterLoad = -1;
    }

    private static final class StartRun {
        long firstResponseMs = -1;
        long first200Ms = -1;
        long firstOrkMs = -1;
    }

    private static final class StartResult {
        StartRun first;
        final List<StartRun> runs = new ArrayList<>();
    }

    private static final class SoakResult {
        int paths;
        WrkResult load;
        List<Double> samples = List.of();
    }

    private void printTable(Instant started, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nMiningOS gateway bench, %s, %s%n", started.truncatedTo(ChronoUnit.SECONDS),
                javaVersion()));
        out.append(String.format(Locale.ROOT, "JVM options: %s; %d cores; load average %s -> %s; %s%n",
                (options.jvmOptions.isEmpty() ? "(none)" : String.join(" ", options.jvmOptions))
                        + (options.env.isEmpty() ? "" : ", environment " + options.env),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                (options.pin ? "routes: servers on CPU 0, wrk on CPU 1" : "routes: not pinned")
                        + (options.soakPin ? ", soak pinned" : ", soak and start-up not pinned")));
        out.append(String.format(Locale.ROOT, "wrk 1 thread, %d connections, %d rounds x %d s (after %d s warm-up), "
                        + "ceiling and gateway alternating; median (min-max) of the rounds%n",
                options.connections, options.rounds, options.seconds, options.warmupSeconds));

        if (!routeResults.isEmpty() || fanOut != null) {
            out.append(String.format("%n| %-36s | %6s | %-21s | %6s | %6s | %-21s | %6s | %6s | %-21s |%n",
                    "route", "bytes", "req/s", "p50 ms", "p99 ms", "ceiling req/s", "p50 ms", "p99 ms",
                    "gateway/ceiling"));
            out.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%s|%s|%n", dash(38), dash(8), dash(23), dash(8),
                    dash(8), dash(23), dash(8), dash(8), dash(23)));
            for (Map.Entry<String, RouteResult> entry : routeResults.entrySet()) {
                RouteResult r = entry.getValue();
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < Math.min(r.gateway.size(), r.ceiling.size()); i++) {
                    ratios.add(r.gateway.get(i).rps() / r.ceiling.get(i).rps());
                }
                out.append(String.format(Locale.ROOT, "| %-36s | %6d | %-21s | %6.2f | %6.2f | %-21s | %6.2f | %6.2f | %-21s |%n",
                        entry.getKey(), r.bytes, spread(rps(r.gateway), "%.0f"),
                        median(latency(r.gateway, WrkResult::p50Us)), median(latency(r.gateway, WrkResult::p99Us)),
                        spread(rps(r.ceiling), "%.0f"),
                        median(latency(r.ceiling, WrkResult::p50Us)), median(latency(r.ceiling, WrkResult::p99Us)),
                        spread(ratios, "%.2f")));
            }
            if (fanOut != null) {
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < Math.min(fanOut.one.size(), fanOut.eight.size()); i++) {
                    ratios.add(fanOut.eight.get(i).p50Us() / (double) fanOut.one.get(i).p50Us());
                }
                out.append(String.format(Locale.ROOT, "| %-36s | %6s | %-21s | %6.1f | %6.1f | %-21s | %6.1f | %6.1f | %-21s |%n",
                        "8 ORKs x 100 ms, one client", "-", spread(rps(fanOut.eight), "%.1f"),
                        median(latency(fanOut.eight, WrkResult::p50Us)), median(latency(fanOut.eight, WrkResult::p99Us)),
                        "1 ORK: " + spread(rps(fanOut.one), "%.1f"),
                        median(latency(fanOut.one, WrkResult::p50Us)), median(latency(fanOut.one, WrkResult::p99Us)),
                        "p50 x" + spread(ratios, "%.2f")));
            }
        }

        if (!routeResults.isEmpty()) {
            boolean withBaseline = routeResults.values().stream().anyMatch(r -> !r.baseline.isEmpty());
            out.append(String.format("%nserver CPU per request, microseconds (user + system time of the server process over"
                    + " the wrk run / requests; hardly moved by other processes' load), median (min-max) of the rounds%n"));
            out.append(String.format("| %-36s | %-21s | %-21s | %-21s |%s%n", "route", "gateway CPU us/req",
                    "ceiling CPU us/req", "gateway/ceiling", withBaseline ? String.format(" %-21s | %-21s |",
                            "baseline CPU us/req", "gateway/baseline") : ""));
            out.append(String.format("|%s|%s|%s|%s|%s%n", dash(38), dash(23), dash(23), dash(23),
                    withBaseline ? dash(23) + "|" + dash(23) + "|" : ""));
            for (Map.Entry<String, RouteResult> entry : routeResults.entrySet()) {
                RouteResult r = entry.getValue();
                List<Double> toCeiling = new ArrayList<>();
                List<Double> toBaseline = new ArrayList<>();
                for (int i = 0; i < Math.min(r.gateway.size(), r.ceiling.size()); i++) {
                    toCeiling.add(r.gateway.get(i).cpuUsPerRequest() / r.ceiling.get(i).cpuUsPerRequest());
                    if (i < r.baseline.size()) {
                        toBaseline.add(r.gateway.get(i).cpuUsPerRequest() / r.baseline.get(i).cpuUsPerRequest());
                    }
                }
                out.append(String.format(Locale.ROOT, "| %-36s | %-21s | %-21s | %-21s |%s%n", entry.getKey(),
                        spread(cpu(r.gateway), "%.1f"), spread(cpu(r.ceiling), "%.1f"), spread(toCeiling, "%.2f"),
                        withBaseline ? String.format(Locale.ROOT, " %-21s | %-21s |", spread(cpu(r.baseline), "%.1f"),
                                spread(toBaseline, "%.2f")) : ""));
            }
        }

        if (routeResults.values().stream().anyMatch(r -> !r.baseline.isEmpty())) {
            out.append(String.format("%nbaseline: %s, measured in the same rounds right after the gateway%n",
                    options.baseline));
            out.append(String.format("| %-36s | %-21s | %6s | %6s | %-21s | %-21s |%n", "route", "baseline req/s",
                    "p50 ms", "p99 ms", "baseline/ceiling", "gateway/baseline"));
            out.append(String.format("|%s|%s|%s|%s|%s|%s|%n", dash(38), dash(23), dash(8), dash(8), dash(23),
                    dash(23)));
            for (Map.Entry<String, RouteResult> entry : routeResults.entrySet()) {
                RouteResult r = entry.getValue();
                List<Double> toCeiling = new ArrayList<>();
                List<Double> gain = new ArrayList<>();
                for (int i = 0; i < Math.min(r.baseline.size(), Math.min(r.gateway.size(), r.ceiling.size())); i++) {
                    toCeiling.add(r.baseline.get(i).rps() / r.ceiling.get(i).rps());
                    gain.add(r.gateway.get(i).rps() / r.baseline.get(i).rps());
                }
                out.append(String.format(Locale.ROOT, "| %-36s | %-21s | %6.2f | %6.2f | %-21s | %-21s |%n",
                        entry.getKey(), spread(rps(r.baseline), "%.0f"),
                        median(latency(r.baseline, WrkResult::p50Us)), median(latency(r.baseline, WrkResult::p99Us)),
                        spread(toCeiling, "%.2f"), spread(gain, "%.2f")));
            }
        }

        if (!memory.isEmpty()) {
            out.append(String.format("%n| %-40s | %-12s | %8s | %-24s | %15s |%n", "RSS, MB (java + child processes)",
                    "GC, max heap", "idle", "under load (max)", "idle after load"));
            out.append(String.format("|%s|%s|%s|%s|%s|%n", dash(42), dash(14), dash(10), dash(26), dash(17)));
            for (Map.Entry<String, MemoryResult> entry : memory.entrySet()) {
                MemoryResult m = entry.getValue();
                String load = m.load < 0 ? "-" : String.format(Locale.ROOT, "%.0f", m.load);
                if (soak != null && entry.getKey().contains("soak")) {
                    load = String.format(Locale.ROOT, "soak %.0f / %.0f / %.0f", min(soak.samples), m.load,
                            soak.samples.isEmpty() ? -1 : soak.samples.get(soak.samples.size() - 1));
                }
                out.append(String.format(Locale.ROOT, "| %-40s | %-12s | %8s | %-24s | %15s |%n", entry.getKey(), m.jvm,
                        mb(m.idle), load, mb(m.afterLoad)));
            }
            if (soak != null) {
                out.append(String.format(Locale.ROOT, "soak: %d s mixed UI load (%d paths), %d connections: %.0f req/s, "
                                + "p50 %.1f ms, p99 %.1f ms, %d non-2xx; RSS min / max / last of %d samples every %d s%n",
                        options.soakSeconds, soak.paths, options.soakConnections, soak.load.rps(),
                        soak.load.p50Us() / 1000.0, soak.load.p99Us() / 1000.0, soak.load.non2xx(),
                        soak.samples.size(), options.soakEvery));
                out.append("soak RSS samples (MB): ").append(soak.samples.stream()
                        .map(d -> String.format(Locale.ROOT, "%.0f", d)).collect(Collectors.joining(" "))).append('\n');
            }
        }

        if (!starts.isEmpty()) {
            out.append(String.format("%n| %-36s | %-22s | %-22s | %-22s | %-11s |%n",
                    "start-up, ms (not pinned)", "first 200 /auth/site", "first answer (any)", "first ORK answer 200",
                    "first start"));
            out.append(String.format("|%s|%s|%s|%s|%s|%n", dash(38), dash(24), dash(24), dash(24), dash(13)));
            for (Map.Entry<String, StartResult> entry : starts.entrySet()) {
                StartResult s = entry.getValue();
                out.append(String.format(Locale.ROOT, "| %-36s | %-22s | %-22s | %-22s | %11s |%n", entry.getKey(),
                        spread(millis(s.runs, r -> r.first200Ms), "%.0f"),
                        spread(millis(s.runs, r -> r.firstResponseMs), "%.0f"),
                        spread(millis(s.runs, r -> r.firstOrkMs), "%.0f"),
                        s.first == null ? "-" : s.first.first200Ms));
            }
            out.append(String.format("median (min-max) of %d starts after the first; the first start of a data folder "
                    + "also creates it (and unpacks the hrpc bridge)%n", options.starts));
        }
        if (!notes.isEmpty()) {
            out.append('\n').append(notes);
        }
        System.out.print(out);
    }

    private static String dash(int n) {
        return "-".repeat(n);
    }

    private static List<Double> rps(List<WrkResult> results) {
        return results.stream().map(WrkResult::rps).toList();
    }

    private static List<Double> cpu(List<WrkResult> results) {
        return results.stream().map(WrkResult::cpuUsPerRequest).filter(d -> !d.isNaN()).toList();
    }

    private static List<Double> latency(List<WrkResult> results, java.util.function.ToLongFunction<WrkResult> us) {
        return results.stream().map(r -> us.applyAsLong(r) / 1000.0).toList();
    }

    private static List<Double> millis(List<StartRun> runs, java.util.function.ToLongFunction<StartRun> ms) {
        return runs.stream().mapToLong(ms).filter(v -> v >= 0).mapToObj(v -> (double) v).toList();
    }

    private static String spread(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "-";
        }
        String median = String.format(Locale.ROOT, format, median(values));
        if (values.size() == 1) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, min(values)) + "-"
                + String.format(Locale.ROOT, format, Collections.max(values)) + ")";
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.isEmpty() ? -1 : Collections.min(values);
    }

    private static String mb(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    private String javaVersion() {
        try {
            Process process = new ProcessBuilder(options.java, "-version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().skip(1).findFirst().orElse(out).trim();
        } catch (IOException | InterruptedException e) {
            return options.java;
        }
    }

    // ---- small things ---------------------------------------------------------------------------------------

    private void note(String text) {
        synchronized (notes) {
            notes.append("note: ").append(text).append('\n');
        }
        System.err.println("bench: note: " + text);
    }

    private static void progress(String text) {
        System.err.println("bench: " + text + "  [load " + loadAverage() + "]");
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    private static String readLine(Process process, Duration timeout) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder line = new StringBuilder();
        while (System.nanoTime() < deadline) {
            if (reader.ready()) {
                int c = reader.read();
                if (c < 0 || c == '\n') {
                    return line.toString();
                }
                line.append((char) c);
            } else if (!process.isAlive()) {
                throw new IllegalStateException("process exited before it was ready");
            } else {
                sleepMillis(20);
            }
        }
        throw new IllegalStateException("no ready line within " + timeout);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String path) {
        return path.length() > 60 ? path.substring(0, 60) + "..." : path;
    }

    private static void sleep(int seconds) {
        sleepMillis(seconds * 1000L);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private void deleteWork() {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + work + ": " + e.getMessage());
        }
    }

    // ---- options --------------------------------------------------------------------------------------------

    private static final class Options {
        Path jar = Path.of("bootstrap/target/miningos-gateway.jar");
        Path baseline;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvmOptions = List.of();
        int rounds = 3;
        int seconds = 10;
        int warmupSeconds = 5;
        int connections = 16;
        int orks = 2;
        int things = 100;
        int soakSeconds = 600;
        int soakEvery = 10;
        int soakConnections = 16;
        int starts = 5;
        int settleSeconds = 5;
        boolean pin = true;
        boolean soakPin;
        boolean keep;
        Path histoDir;
        Path jfrDir;
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, List<String>> startVariants = new LinkedHashMap<>();
        List<String> sections = List.of("routes", "analytics", "fanout", "startup", "soak");

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--keep")) {
                    o.keep = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--jar" -> o.jar = Path.of(value);
                    case "--baseline" -> o.baseline = Path.of(value).toAbsolutePath();
                    case "--java" -> o.java = value;
                    case "--jvm-opts" -> o.jvmOptions = value.isBlank() ? List.of()
                            : List.of(value.trim().split("\\s+"));
                    case "--rounds" -> o.rounds = positive(name, value);
                    case "--seconds" -> o.seconds = positive(name, value);
                    case "--warmup" -> o.warmupSeconds = positive(name, value);
                    case "--connections" -> o.connections = positive(name, value);
                    case "--orks" -> o.orks = positive(name, value);
                    case "--things" -> o.things = positive(name, value);
                    case "--soak" -> o.soakSeconds = duration(name, value);
                    case "--soak-every" -> o.soakEvery = positive(name, value);
                    case "--soak-connections" -> o.soakConnections = positive(name, value);
                    case "--starts" -> o.starts = positive(name, value);
                    case "--settle" -> o.settleSeconds = Integer.parseInt(value);
                    case "--pin" -> o.pin = switch (value) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--pin on|off");
                    };
                    case "--soak-pin" -> o.soakPin = switch (value) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--soak-pin on|off");
                    };
                    case "--only" -> o.sections = List.of(value.split(","));
                    case "--histo" -> o.histoDir = Path.of(value).toAbsolutePath();
                    case "--jfr" -> o.jfrDir = Path.of(value).toAbsolutePath();
                    case "--start-variant" -> {
                        String[] kv = value.split("=", 2);
                        if (kv.length != 2) {
                            throw new IllegalArgumentException("--start-variant NAME=\"JVM OPTIONS\"");
                        }
                        o.startVariants.put(kv[0], kv[1].isBlank() ? List.of()
                                : List.of(kv[1].trim().split("\\s+")));
                    }
                    case "--env" -> {
                        String[] kv = value.split("=", 2);
                        if (kv.length != 2) {
                            throw new IllegalArgumentException("--env NAME=VALUE");
                        }
                        o.env.put(kv[0], kv[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (Runtime.getRuntime().availableProcessors() < 2) {
                o.pin = false;
                o.soakPin = false;
            }
            return o;
        }

        private static int positive(String name, String value) {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return number;
        }

        /** Seconds, or a number with s / m. */
        private static int duration(String name, String value) {
            Matcher m = Pattern.compile("(\\d+)([sm]?)").matcher(value);
            if (!m.matches()) {
                throw new IllegalArgumentException(name + ": seconds, or e.g. 90s, 10m");
            }
            int number = Integer.parseInt(m.group(1));
            return m.group(2).equals("m") ? number * 60 : number;
        }
    }
}
