package io.miningos.gateway.bootstrap;

import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code multi-site-demo}: simulated site gateways and the central gateway of multi-site mode in one process, so
 * the real UI's multi-site views show several sites out of the box. Each site is a whole gateway (its own data
 * folder under {@code DIR/<id>}, SQLite, HTTP on a free loopback port) over a simulated ORK of its own seed and
 * size, with the embedded demo's year of production costs; each issues the central gateway a service token
 * ({@code site_federation_costs}) into {@code DIR/tokens/<id>.token}, exactly as its {@code service-token} command
 * would. The central gateway ({@code DIR/central}) listens on {@code --port} and reads the sites over HTTP only.
 */
final class MultiSiteDemo {

    private static final Logger LOG = LoggerFactory.getLogger(MultiSiteDemo.class);
    /** Site ids: letters only (the UI loses cards of ids with - or _). */
    static final List<String> NAMES = List.of("north", "south", "east", "west", "alpha", "bravo", "delta", "echo",
            "kilo", "lima", "oscar", "tango", "zulu", "hotel", "india", "romeo");
    static final int MAX_SITES = NAMES.size();
    private static final Set<ClientIp> LOOPBACK = Set.of(ClientIp.parse("127.0.0.1"), ClientIp.parse("::1"));

    private final List<Gateway> gateways = new ArrayList<>();
    private Gateway central;
    private int port;

    /**
     * Starts {@code sites} site gateways (the first with {@code miners} miners, each next one smaller) and the
     * central one on {@code port}.
     */
    static MultiSiteDemo start(Path root, int sites, int miners, int port, Optional<String> ui, Clock clock) {
        MultiSiteDemo demo = new MultiSiteDemo();
        try {
            List<MultiSiteConfig.Site> entries = new ArrayList<>();
            for (int i = 0; i < sites; i++) {
                String id = NAMES.get(i);
                int size = Math.max(8, miners - (miners * i) / (sites + 1));
                Gateway site = Gateway.openToServe(siteConfig(id, i + 1, size), root.resolve(id), clock);
                demo.gateways.add(site);
                int sitePort = site.serve(0).port();
                Path tokenFile = root.resolve("tokens").resolve(id + ".token");
                Email account = new Email("central@federation.invalid");
                site.users().ensureServiceAccount(account, "central", RoleCatalog.SITE_FEDERATION_COSTS);
                IssuedToken token = site.identity().issueServiceToken(account, LOOPBACK,
                        Main.DEFAULT_SERVICE_TTL_SECONDS);
                ServiceTokenFile.write(tokenFile, token.text());
                entries.add(new MultiSiteConfig.Site(id, id.substring(0, 1).toUpperCase() + id.substring(1),
                        URI.create("http://127.0.0.1:" + sitePort), tokenFile, MultiSiteConfig.Tls.DEFAULT));
                LOG.info("site {} ({} miners) on http://127.0.0.1:{}", id, size, sitePort);
            }
            // the first request of a range makes a simulated site sum its days: allow it time
            MultiSiteConfig multiSite = new MultiSiteConfig(entries, MultiSiteConfig.DEFAULT_CONCURRENCY,
                    Duration.ofSeconds(60), MultiSiteConfig.DEFAULT_MAX_ANSWER_BYTES, Duration.ofMinutes(5));
            GatewayConfig config = centralConfig(multiSite);
            config = ui.map(config::withStaticRoot).orElse(config);
            demo.central = Gateway.openToServe(config, root.resolve("central"), clock);
            demo.port = demo.central.serve(port).port();
            return demo;
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    /** A site gateway as the embedded demo is, on loopback, over a simulated ORK of {@code miners} miners. */
    static GatewayConfig siteConfig(String site, long seed, int miners) {
        GatewayConfig demo = ConfigLoader.embeddedDefault();
        Map<String, Object> ork = new LinkedHashMap<>();
        ork.put("transport", "sim");
        ork.put("seed", seed);
        ork.put("site", site);
        ork.put("miners", miners);
        return new GatewayConfig(site, demo.identity(), new GatewayConfig.Http("127.0.0.1", 0, 1024 * 1024, false),
                demo.featureConfig(), Map.of("cluster-1", ork), demo.cacheTiming(), 60_000, Optional.empty(),
                demo.fanOut(), Optional.empty(), Optional.empty(), GatewayConfig.Observability.defaults(), true);
    }

    /** The central gateway: no ORKs, the shipped roles, the sites of {@code multiSite}. */
    static GatewayConfig centralConfig(MultiSiteConfig multiSite) {
        GatewayConfig demo = ConfigLoader.embeddedDefault();
        return new GatewayConfig("central", demo.identity(), new GatewayConfig.Http("0.0.0.0",
                GatewayConfig.Http.DEFAULT_PORT, 1024 * 1024, false), ConfigLoader.defaultFeatureConfig(), Map.of(),
                demo.cacheTiming(), 90_000, Optional.empty(), demo.fanOut()).withMultiSite(multiSite);
    }

    int port() {
        return port;
    }

    Gateway central() {
        return central;
    }

    /**
     * Asks the central gateway for this month's revenue of every site, so the simulated sites have summed their
     * days before the UI asks (in the background; the UI's own first page waits otherwise).
     */
    void warmUp() {
        Thread.ofVirtual().name("multi-site-warm-up").start(() -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            IssuedToken token = central.identity().issueFor(central.config().identity().superAdmin(), LOOPBACK,
                    OptionalLong.of(600));
            String path = "/auth/revenue?startDate=" + today.minusDays(31) + "&endDate=" + today.minusDays(1);
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + port + path)).header("Authorization", "Bearer " + token.text())
                        .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.discarding());
                LOG.info("multi-site demo: the last 31 days of every site are summed ({})", response.statusCode());
            } catch (Exception e) {
                LOG.warn("multi-site demo: warming up failed: {}", e.toString());
            }
        });
    }

    /** The UI link, signed in as the super admin from this machine. */
    String signedInLink() {
        IssuedToken issued = central.identity().issueFor(central.config().identity().superAdmin(), LOOPBACK,
                OptionalLong.empty());
        return "http://localhost:" + port + "/?authToken=" + URLEncoder.encode(issued.text(), StandardCharsets.UTF_8);
    }

    void close() {
        if (central != null) {
            central.close();
        }
        gateways.forEach(Gateway::close);
    }
}
