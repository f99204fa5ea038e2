package io.miningos.gateway.bootstrap;

import io.miningos.gateway.domain.identity.RoleCatalog;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real site gateways for multi-site tests: each the whole gateway (SQLite, HTTP on a free port) over a small
 * simulated ORK of its own seed and size, with a year of demo production costs, and a service token for the
 * central gateway issued by the {@code service-token} command into a file.
 */
final class SimulatedSites implements AutoCloseable {

    record Site(String id, String name, TestGateway gateway, Path tokenFile) {
    }

    private final Map<String, Site> sites = new LinkedHashMap<>();

    /** Starts one site gateway per entry ({@code id → miners}), each with its own folder under {@code root}. */
    static SimulatedSites start(Path root, Map<String, Integer> minersById) {
        SimulatedSites started = new SimulatedSites();
        try {
            long seed = 11;
            for (Map.Entry<String, Integer> entry : minersById.entrySet()) {
                String id = entry.getKey();
                Path dataDir = root.resolve(id);
                TestGateway gateway = TestGateway.serve(siteConfig(id, seed++, entry.getValue()), dataDir);
                Path tokenFile = root.resolve("tokens").resolve(id + ".token");
                issueToken(dataDir, tokenFile, RoleCatalog.SITE_FEDERATION_COSTS);
                started.sites.put(id, new Site(id, id.substring(0, 1).toUpperCase() + id.substring(1), gateway,
                        tokenFile));
            }
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    static GatewayConfig siteConfig(String site, long seed, int miners) {
        return MultiSiteDemo.siteConfig(site, seed, miners);
    }

    /** The site's {@code service-token} command, as an operator runs it beside the running site gateway. */
    static void issueToken(Path dataDir, Path tokenFile, String role) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"service-token", "--name", "central", "--out", tokenFile.toString(),
            "--role", role, "--ip", "127.0.0.1", "--data-dir", dataDir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    }

    Site site(String id) {
        return sites.get(id);
    }

    List<Site> all() {
        return List.copyOf(sites.values());
    }

    /** The multi-site configuration of a central gateway over these sites (and {@code extra} ones). */
    MultiSiteConfig config(Duration siteTimeout, List<MultiSiteConfig.Site> extra) {
        List<MultiSiteConfig.Site> list = new ArrayList<>();
        for (Site site : sites.values()) {
            list.add(new MultiSiteConfig.Site(site.id(), site.name(),
                    URI.create("http://127.0.0.1:" + site.gateway().port()), site.tokenFile(),
                    MultiSiteConfig.Tls.DEFAULT));
        }
        list.addAll(extra);
        return new MultiSiteConfig(list, 4, siteTimeout, MultiSiteConfig.DEFAULT_MAX_ANSWER_BYTES,
                Duration.ofSeconds(60));
    }

    /** A central gateway (no ORKs) in multi-site mode. */
    static GatewayConfig centralConfig(MultiSiteConfig multiSite) {
        return MultiSiteDemo.centralConfig(multiSite);
    }

    @Override
    public void close() {
        sites.values().forEach(site -> site.gateway().close());
    }
}
