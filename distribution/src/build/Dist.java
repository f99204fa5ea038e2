import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the self-contained distribution (run by the {@code distribution} module with the build's JDK):
 *
 * <ol>
 *   <li>the files of {@code src/main/dist} (launcher, JVM options, systemd unit) and the gateway jar in {@code lib/};
 *   <li>{@code runtime/}: a Java runtime made by {@code jlink} from the build's JDK with the modules the jar needs,
 *       and the JDK's default class-data archive for them;
 *   <li>the class-data archive of the gateway's own classes, made by a training run of the demo site <b>with that
 *       runtime</b> and the launcher's JVM options (an archive only works with the runtime that made it): JDK 25+
 *       makes an AOT cache ({@code lib/miningos-gateway.aot}: classes loaded and linked, method profiles), older
 *       JDKs a dynamic AppCDS archive ({@code lib/miningos-gateway.jsa});
 *   <li>the whole as a {@code .tar.gz}.
 * </ol>
 *
 * Usage: {@code java Dist.java JDK_HOME GATEWAY_JAR SOURCE_DIR OUTPUT_DIR TAR_FILE}
 */
public final class Dist {

    /**
     * What the jar needs: {@code jdeps --ignore-missing-deps --multi-release 25 --print-module-deps} on the shaded
     * jar (java.base, java.compiler, java.desktop, java.instrument, java.naming, java.rmi, java.security.jgss,
     * java.sql, jdk.management, jdk.unsupported; a slow step, so not run on every build), plus what is only looked
     * up at run time: jdk.crypto.ec (TLS to the sign-in provider, on JDKs that still have it apart),
     * jdk.zipfs, jdk.charsets, and jdk.jfr with jdk.management.jfr so operators can record a profile (jcmd).
     */
    private static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop",
            "java.instrument", "java.naming", "java.rmi", "java.security.jgss", "java.sql", "jdk.management",
            "jdk.unsupported", "jdk.crypto.ec", "jdk.zipfs", "jdk.charsets", "jdk.jfr", "jdk.management.jfr");

    private static final String EMAIL = "admin@example.com";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: Dist JDK_HOME GATEWAY_JAR SOURCE_DIR OUTPUT_DIR TAR_FILE");
        }
        Path jdk = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path source = Path.of(args[2]);
        Path out = Path.of(args[3]);
        Path tar = Path.of(args[4]);
        long started = System.nanoTime();

        deleteTree(out);
        copyTree(source, out);
        Files.createDirectories(out.resolve("lib/plugins"));
        Files.copy(jar, out.resolve("lib/miningos-gateway.jar"), StandardCopyOption.COPY_ATTRIBUTES);

        List<String> available = run(List.of(jdk.resolve("bin/java").toString(), "--list-modules"), null).lines()
                .map(line -> line.split("@")[0]).toList();
        List<String> modules = MODULES.stream().filter(available::contains).toList(); // jdk.crypto.ec went in 26
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", modules),
                "--output", out.resolve("runtime").toString(), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--generate-cds-archive"), out.getParent().resolve("jlink.log"));
        log("runtime: %s (%s)", out.resolve("runtime"), String.join(",", modules));

        int major = Integer.parseInt(release(out.resolve("runtime")).getProperty("JAVA_VERSION").replace("\"", "")
                .split("[.+-]")[0]);
        if (major >= 22) {
            // glibc keeps what the JIT's compilations and start-up freed (about 13 MB of an idle demo's RSS) unless
            // asked to give it back; the option appeared in JDK 22, and an older runtime would refuse to start on it
            Files.writeString(out.resolve("lib/jvm.options"), "-XX:TrimNativeHeapInterval=5000\n",
                    StandardOpenOption.APPEND);
        }
        train(out, major);

        Files.deleteIfExists(tar);
        run(List.of("sh", "-c", "tar -cf - -C \"$1\" \"$2\" | gzip -1 > \"$3\"", "tar",
                out.getParent().toString(), out.getFileName().toString(), tar.toString()), null);
        log("distribution %s (%d MB unpacked, %d MB packed) in %d s", tar, sizeMb(out), Files.size(tar) >> 20,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** Starts the demo site with the runtime and the launcher's options, makes a UI's requests, stops it. */
    private static void train(Path out, int major) throws Exception {
        Path runtimeJava = out.resolve("runtime/bin/java");
        Path archive = out.resolve(major >= 25 ? "lib/miningos-gateway.aot" : "lib/miningos-gateway.jsa");
        String archiveOption = major >= 25 ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive;
        Path work = Files.createTempDirectory("miningos-dist-training");
        try {
            Path data = work.resolve("data");
            List<String> java = List.of(runtimeJava.toString(), "@" + out.resolve("lib/jvm.options"));
            Path jar = out.resolve("lib/miningos-gateway.jar");
            List<String> token = new ArrayList<>(java);
            token.addAll(List.of("-jar", jar.toString(), "token", "--data-dir", data.toString(), "--email", EMAIL));
            String tokenOut = run(token, work.resolve("token.log"));
            String bearer = tokenOut.strip().lines().reduce((a, b) -> b).orElseThrow();

            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            List<String> serve = new ArrayList<>(java);
            serve.addAll(List.of(archiveOption, "-jar", jar.toString(), "serve", "--port", Integer.toString(port),
                    "--data-dir", data.toString()));
            Path serverLog = work.resolve("server.log");
            Process server = new ProcessBuilder(serve).redirectErrorStream(true).redirectOutput(serverLog.toFile())
                    .start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                awaitSite(client, port, bearer, server, serverLog);
                int requests = 0;
                for (int round = 0; round < 20; round++) {
                    for (String path : trainingPaths()) {
                        for (boolean gzip : new boolean[] {false, true}) {
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer);
                            if (gzip) {
                                request.header("Accept-Encoding", "gzip");
                            }
                            client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                            requests++;
                        }
                    }
                }
                log("training run: %d requests answered", requests);
            } finally {
                server.destroy(); // SIGTERM: a graceful stop, at whose end the JVM writes the archive
                if (!server.waitFor(5, TimeUnit.MINUTES)) {
                    server.destroyForcibly();
                    throw new IllegalStateException("the training run did not stop; its log: " + serverLog);
                }
            }
            if (!Files.exists(archive)) {
                throw new IllegalStateException("the training run wrote no archive " + archive + ":\n"
                        + Files.readString(serverLog));
            }
            log("archive: %s (%d MB)", archive, Files.size(archive) >> 20);
        } finally {
            deleteTree(work);
        }
    }

    /** The demo UI's reads: its dashboard, charts, lists and settings, so their classes and code paths are warm. */
    private static List<String> trainingPaths() {
        return List.of("/auth/userinfo", "/auth/site", "/auth/permissions", "/auth/featureConfig", "/auth/features",
                "/auth/global-config", "/auth/users", "/auth/settings",
                "/auth/list-things?query=" + enc("{\"info.pos\":{\"$eq\":\"site\"}}") + "&fields="
                        + enc("{\"id\":1,\"last.snap.stats.power_w\":1,\"tags\":1}") + "&status=1&limit=100",
                "/auth/list-things?status=1&limit=50&offset=50",
                "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&limit=288&aggrFields="
                        + enc("{\"hashrate_mhs_1m_sum_aggr\":1}"),
                "/auth/tail-log/multi?limit=1&keys=" + enc("[{\"key\":\"stat-rtd\",\"type\":\"miner\",\"tag\":"
                        + "\"t-miner\"}]") + "&aggrFields=" + enc("{\"hashrate_mhs_1m_sum_aggr\":1}"),
                "/auth/actions?queries=" + enc("[{\"type\":\"voting\",\"opts\":{\"reverse\":true,\"limit\":100}}]"),
                "/auth/ext-data?type=minerpool&query=" + enc("{\"key\":\"stats\"}"),
                "/auth/list-racks?type=miner", "/auth/history-log?logType=alerts&limit=100",
                "/auth/nowhere", "/health", "/metrics");
    }

    private static void awaitSite(HttpClient client, int port, String bearer, Process server, Path serverLog)
            throws Exception {
        long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the training run stopped:\n" + Files.readString(serverLog));
            }
            try {
                HttpResponse<Void> site = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/auth/site")).header("Authorization", "Bearer " + bearer).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (site.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the training run did not answer within " + START_TIMEOUT);
    }

    private static Properties release(Path runtime) throws IOException {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(runtime.resolve("release"))) {
            release.load(in);
        }
        return release;
    }

    /** Runs a command to its end; its output goes to {@code logFile} (if given) and is returned. */
    private static String run(List<String> command, Path logFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (logFile != null) {
            Files.writeString(logFile, output);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path launcher = to.resolve("bin/miningos-gateway");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static long sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() >> 20;
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void log(String format, Object... args) {
        System.out.println("[dist] " + String.format(format, args));
    }
}
