package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The demo sites the consistency test classes read, each started once per test run: a demo start generates its
 * site and then computes weeks of day sums in the background, work the classes that read the same demo need not
 * repeat. Stopped, and their data folders deleted, when the test JVM exits.
 */
enum SharedDemo {

    /** The embedded demo ({@code ./demo.sh}). */
    EMBEDDED,
    /** The DCS demo ({@code ./demo.sh --dcs}, config folder {@code demo/dcs}). */
    DCS;

    private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    private static final Map<SharedDemo, Started> STARTED = new ConcurrentHashMap<>();

    private record Started(TestGateway gateway, String adminToken) {
    }

    /** The running demo's gateway (started at the first call). */
    TestGateway gateway() {
        return started().gateway();
    }

    /** A super admin's token on it. */
    String adminToken() {
        return started().adminToken();
    }

    /** {@code GET path} as the super admin: 200 from every ORK, the answer as JSON. */
    JsonNode get(String path) {
        TestGateway.Response response = gateway().get(path, adminToken());
        assertEquals(200, response.status(), path + ": " + response.body());
        assertNull(response.orkFailures(), path);
        return response.json();
    }

    private Started started() {
        return STARTED.computeIfAbsent(this, SharedDemo::start);
    }

    private static Started start(SharedDemo demo) {
        try {
            Path dataDir = Files.createTempDirectory("shared-demo-");
            TestGateway gateway = TestGateway.serve(demo == EMBEDDED ? ConfigLoader.embeddedDefault()
                    : ConfigLoader.load(Optional.of(ROOT.resolve("demo/dcs"))), dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                gateway.close();
                delete(dataDir);
            }, "stop-" + demo.name().toLowerCase() + "-demo"));
            return new Started(gateway, gateway.adminToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the JVM is exiting: a folder left in the temporary directory is all that can go wrong
        }
    }
}
