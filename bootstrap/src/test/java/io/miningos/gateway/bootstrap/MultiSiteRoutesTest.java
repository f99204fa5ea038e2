package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central gateway of multi-site mode over a socket, in front of three real site gateways (each over its own
 * simulated ORK) and four broken ones: one that drops the connection mid-request, one that never answers, one that
 * answers nonsense, one whose token the site refuses. Every figure is checked against the sites' own answers
 * ({@code /auth/finance/revenue-summary}), summed by hand.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiSiteRoutesTest {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> REAL = List.of("north", "south", "east");

    @TempDir
    static Path root;

    private static SimulatedSites sites;
    private static TestGateway central;
    private static String token;
    private static ServerSocket drop;
    private static ServerSocket mute;
    private static HttpServer liar;
    private static final List<Socket> held = new ArrayList<>();
    private static LocalDate first;
    private static LocalDate last;

    @BeforeAll
    static void start() throws IOException {
        Map<String, Integer> miners = new LinkedHashMap<>();
        miners.put("north", 40);
        miners.put("south", 24);
        miners.put("east", 16);
        sites = SimulatedSites.start(root, miners);
        drop = fakeSite(false);
        mute = fakeSite(true);
        liar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        liar.createContext("/", exchange -> {
            byte[] body = "{\"log\":[{\"ts\":\"yesterday\",\"revenueBTC\":1}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        liar.start();
        Path junk = root.resolve("tokens/junk.token");
        Files.writeString(junk, "pub:api:" + "0".repeat(32) + "-9-roles:site_federation\n");
        List<MultiSiteConfig.Site> broken = List.of(
                broken("drop", "http://127.0.0.1:" + drop.getLocalPort(), junk),
                broken("mute", "http://127.0.0.1:" + mute.getLocalPort(), junk),
                broken("liar", "http://127.0.0.1:" + liar.getAddress().getPort(), junk),
                broken("stranger", "http://127.0.0.1:" + sites.site("north").gateway().port(), junk));
        central = TestGateway.serve(SimulatedSites.centralConfig(sites.config(Duration.ofSeconds(8), broken)),
                root.resolve("central"));
        token = central.adminToken();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        first = today.minusDays(3);
        last = today.minusDays(1);
        REAL.forEach(MultiSiteRoutesTest::siteDays); // the simulated sites sum their first days here, not in a test
    }

    private static MultiSiteConfig.Site broken(String id, String url, Path tokenFile) {
        return new MultiSiteConfig.Site(id, id, URI.create(url), tokenFile, MultiSiteConfig.Tls.DEFAULT);
    }

    /** A "site" that reads the request, then closes the connection ({@code hold}: keeps it open, silent). */
    private static ServerSocket fakeSite(boolean hold) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    InputStream in = socket.getInputStream();
                    in.read(new byte[4096]);
                    if (hold) {
                        synchronized (held) {
                            held.add(socket);
                        }
                    } else {
                        socket.close();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    @AfterAll
    static void stop() throws IOException {
        if (central != null) {
            central.close();
        }
        if (sites != null) {
            sites.close();
        }
        drop.close();
        mute.close();
        liar.stop(0);
        for (Socket socket : held) {
            socket.close();
        }
    }

    private static String params(List<String> regions, String period) {
        List<String> upper = regions.stream().map(r -> "\"" + r.toUpperCase() + "\"").toList();
        return "startDate=" + first + "&endDate=" + last + "&period=" + period + "&groupByRegion=true&regions="
                + q("[" + String.join(",", upper) + "]");
    }

    private static JsonNode exact(TestGateway.Response response) {
        try {
            return EXACT.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode ok(String path) {
        TestGateway.Response response = central.get(path, token);
        assertEquals(200, response.status(), path + ": " + response.body());
        assertNull(siteFailures(response), path);
        return exact(response);
    }

    private static String siteFailures(TestGateway.Response response) {
        List<String> values = response.headers().get("x-site-failures");
        return values == null ? null : values.getFirst();
    }

    /** The site's own daily figures over the same range, as its gateway answers them. */
    private static JsonNode siteDays(String id) {
        TestGateway site = sites.site(id).gateway();
        long start = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        TestGateway.Response response = site.get("/auth/finance/revenue-summary?start=" + start + "&end=" + end
                + "&period=daily", site.adminToken());
        assertEquals(200, response.status(), response.body());
        return exact(response).get("log");
    }

    private static BigDecimal sum(List<JsonNode> logs, int day, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode log : logs) {
            total = total.add(log.get(day).get(field).decimalValue());
        }
        return total;
    }

    @Test
    @Order(1)
    void featureConfigAnnouncesMultiSiteModeAndTheSites() {
        JsonNode features = ok("/auth/featureConfig?overwriteCache=true");
        assertTrue(features.get("isMultiSiteModeEnabled").asBoolean());
        assertTrue(features.get("reporting").asBoolean());
        assertEquals("north", features.get("siteList").get(0).get("id").asText());
        assertEquals("North", features.get("siteList").get(0).get("name").asText());
        assertEquals(7, features.get("siteList").size());
    }

    @Test
    @Order(2)
    void revenueIsEachSitesOwnDaysAndTheAllSitesRowsAreTheirSums() {
        JsonNode answer = ok("/auth/revenue?" + params(REAL, "daily"));
        List<JsonNode> own = REAL.stream().map(MultiSiteRoutesTest::siteDays).toList();
        assertEquals(3, answer.get("regions").size());
        JsonNode data = answer.get("data");
        assertEquals(3, data.get("log").size());
        BigDecimal rangeBtc = BigDecimal.ZERO;
        for (int d = 0; d < 3; d++) {
            for (int s = 0; s < 3; s++) {
                JsonNode region = answer.get("regions").get(s);
                assertEquals(REAL.get(s).toUpperCase(), region.get("region").asText());
                JsonNode row = region.get("log").get(d);
                JsonNode site = own.get(s).get(d);
                assertEquals(site.get("ts").asLong(), row.get("ts").asLong());
                assertEquals("daily", row.get("period").asText());
                assertEquals(0, site.get("revenueBTC").decimalValue().compareTo(row.get("totalRevenueBTC")
                        .decimalValue()), row.toString());
                assertEquals(0, site.get("revenueUsd").decimalValue().compareTo(row.get("revenueUSD").decimalValue()));
                assertEquals(site.get("hashrateMhs").asLong(), row.get("hashrateMHS").asLong());
                // EBITDA selling = revenue − the site's costs that day
                BigDecimal costs = site.get("energyCostUsd").decimalValue()
                        .add(site.get("operationalCostUsd").decimalValue());
                assertEquals(0, site.get("revenueUsd").decimalValue().subtract(costs)
                        .compareTo(row.get("ebitdaSellingBTC").decimalValue()), row.toString());
                assertEquals(row.get("ebitdaSellingBTC"), row.get("ebidtaSellingBTC"));
            }
            JsonNode all = data.get("log").get(d);
            for (String field : new String[]{"totalRevenueBTC", "totalFeesBTC", "revenueUSD", "currentBTCPrice",
                    "totalCostsUSD", "hashrateMHS", "sitePowerW", "efficiencyWThs", "energyRevenueUSD_MW",
                    "hashRevenueUSD_PHS_d", "hashCostUSD_PHS_d", "curtailmentRate", "downtimeRate", "avgFeesSatsVByte"}) {
                assertTrue(all.get(field).isNumber(), field + " in " + all);
            }
            assertTrue(all.get("totalRevenueBTC").decimalValue().signum() > 0, all.toString());
            BigDecimal btc = sum(own, d, "revenueBTC");
            assertEquals(0, btc.compareTo(all.get("totalRevenueBTC").decimalValue()), all.toString());
            assertEquals(0, sum(own, d, "revenueUsd").compareTo(all.get("revenueUSD").decimalValue()));
            assertEquals(sum(own, d, "hashrateMhs").longValue(), all.get("hashrateMHS").asLong());
            assertEquals(sum(own, d, "sitePowerW").longValue(), all.get("sitePowerW").asLong());
            // per MW of the sites' summed mean power
            BigDecimal mw = sum(own, d, "sitePowerW").movePointLeft(6);
            assertEquals(0, sum(own, d, "revenueUsd").divide(mw, 2, RoundingMode.HALF_EVEN)
                    .compareTo(all.get("energyRevenueUSD_MW").decimalValue()), all.toString());
            rangeBtc = rangeBtc.add(btc);
        }
        assertEquals(0, rangeBtc.compareTo(data.get("summary").get("sum").get("totalRevenueBTC").decimalValue()));
        assertEquals(data.get("log"), answer.get("log"));
        assertFalse(answer.has("errors"));
    }

    @Test
    @Order(3)
    void operationsAddTheSitesHashrateAndPowerAndDivideForEfficiency() {
        List<JsonNode> own = REAL.stream().map(MultiSiteRoutesTest::siteDays).toList();
        JsonNode hashrate = ok("/auth/operations/hashrate?" + params(REAL, "daily"));
        JsonNode consumption = ok("/auth/operations/consumption?" + params(REAL, "daily"));
        JsonNode efficiency = ok("/auth/operations/efficiency?" + params(REAL, "daily"));
        for (int d = 0; d < 3; d++) {
            BigDecimal mhs = sum(own, d, "hashrateMhs");
            BigDecimal w = sum(own, d, "sitePowerW");
            assertEquals(mhs.longValue(), hashrate.get("data").get("log").get(d).get("hashrate").asLong());
            assertEquals(w.longValue(), consumption.get("log").get(d).get("consumption").asLong());
            assertEquals(w.divide(mhs.movePointLeft(6), 2, RoundingMode.HALF_UP).doubleValue(),
                    efficiency.get("data").get("log").get(d).get("efficiency").asDouble(), 0.011);
        }
        long nominal = 0;
        for (JsonNode region : hashrate.get("regions")) {
            assertTrue(region.get("nominalHashrate").asLong() > 0, region.toString());
            nominal += region.get("nominalHashrate").asLong();
        }
        assertEquals(nominal, hashrate.get("nominalHashrate").asLong());
        assertEquals(nominal, hashrate.get("data").get("nominalHashrate").asLong());
        assertTrue(consumption.get("availablePower").asLong() > 0, consumption.toString());
        // workers: the sites' own mean online miners per day (their /auth/metrics/miner-status), added
        JsonNode workers = ok("/auth/operations/workers?" + params(REAL, "daily"));
        List<JsonNode> status = REAL.stream().map(MultiSiteRoutesTest::minerStatus).toList();
        for (int d = 0; d < 3; d++) {
            assertEquals(sum(status, d, "online").doubleValue(),
                    workers.get("data").get("log").get(d).get("workers").asDouble(), 0.011, workers.toString());
        }
        assertTrue(workers.get("data").get("log").get(0).get("workers").asDouble() > 0, workers.toString());
        assertTrue(workers.get("nominalMinerCapacity").asLong() >= 80, workers.toString());
    }

    private static JsonNode minerStatus(String id) {
        TestGateway site = sites.site(id).gateway();
        long start = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        TestGateway.Response response = site.get("/auth/metrics/miner-status?start=" + start + "&end=" + end,
                site.adminToken());
        assertEquals(200, response.status(), response.body());
        return exact(response).get("log");
    }

    @Test
    @Order(4)
    void productionPriceIsTheMonthsCostsOverTheMonthsBitcoinInMonthlyRows() {
        JsonNode answer = ok("/auth/costs/production-price?" + params(REAL, "daily"));
        for (int s = 0; s < 3; s++) {
            JsonNode own = siteDays(REAL.get(s));
            Map<Integer, BigDecimal[]> months = new LinkedHashMap<>();
            for (JsonNode day : own) {
                int month = LocalDate.ofEpochDay(day.get("ts").asLong() / 86_400_000L).getMonthValue();
                BigDecimal[] m = months.computeIfAbsent(month, k -> new BigDecimal[]{BigDecimal.ZERO,
                    BigDecimal.ZERO});
                m[0] = m[0].add(day.get("energyCostUsd").decimalValue()).add(day.get("operationalCostUsd")
                        .decimalValue());
                m[1] = m[1].add(day.get("revenueBTC").decimalValue());
            }
            JsonNode log = answer.get("regions").get(s).get("log");
            assertEquals(months.size(), log.size(), log.toString());
            int i = 0;
            for (Map.Entry<Integer, BigDecimal[]> month : months.entrySet()) {
                JsonNode row = log.get(i++);
                assertEquals(month.getKey().intValue(), row.get("month").asInt());
                assertTrue(month.getValue()[0].signum() > 0 && month.getValue()[1].signum() > 0, row.toString());
                assertEquals("monthly", row.get("period").asText());
                assertEquals(0, month.getValue()[0].divide(month.getValue()[1], 2, RoundingMode.HALF_EVEN)
                        .compareTo(row.get("productionCostUSD").decimalValue()), row.toString());
                assertTrue(row.get("btcPrice").decimalValue().signum() > 0);
            }
        }
    }

    @Test
    @Order(5)
    void costsEditedCentrallyAreWrittenToTheSitesGatewayAndShowInItsFigures() {
        String body = "{\"region\":\"SOUTH\",\"month\":2,\"year\":2024,\"energyCostsUSD\":54000,"
                + "\"operationalCostsUSD\":12000}";
        TestGateway.Response saved = central.send("POST", "/auth/production-costs", token, body);
        assertEquals(200, saved.status(), saved.body());
        TestGateway south = sites.site("south").gateway();
        JsonNode stored = south.get("/auth/global/data?type=productionCosts&gte=202402&lte=202402",
                south.adminToken()).json();
        assertEquals(54000, stored.get(0).get("energyCost").asInt(), stored.toString());
        JsonNode listed = ok("/auth/production-costs?region=SOUTH&overwriteCache=true");
        JsonNode feb = null;
        for (JsonNode month : listed) {
            if (month.get("year").asInt() == 2024 && month.get("month").asInt() == 2) {
                feb = month;
            }
        }
        assertEquals(12000, feb.get("operationalCostsUSD").asInt(), listed.toString());
        assertEquals("SOUTH", feb.get("region").asText());
        // a read-only user may not write costs, and bad months are refused before any site is asked
        String readOnly = central.tokenForRole("read_only_user");
        assertEquals(403, central.send("POST", "/auth/production-costs", readOnly, body).status());
        assertEquals("ERR_INVALID_MONTH", central.send("POST", "/auth/production-costs", token,
                body.replace("\"month\":2", "\"month\":13")).errorCode());
        assertEquals("ERR_REGIONS_INVALID", central.send("POST", "/auth/production-costs", token,
                body.replace("SOUTH", "NOWHERE")).errorCode());
    }

    @Test
    @Order(6)
    void brokenSitesAreMarkedMissingAndNamedWhileTheOthersStillAnswer() {
        List<String> all = List.of("north", "drop", "south", "mute", "liar", "east", "stranger", "ghost");
        TestGateway.Response response = central.get("/auth/revenue?" + params(all, "daily") + "&overwriteCache=true",
                token);
        assertEquals(200, response.status(), response.body());
        assertEquals("drop=unavailable, mute=timeout, liar=bad_answer, stranger=refused, ghost=unknown",
                siteFailures(response));
        JsonNode answer = exact(response);
        List<JsonNode> own = REAL.stream().map(MultiSiteRoutesTest::siteDays).toList();
        JsonNode regions = answer.get("regions");
        assertEquals(8, regions.size());
        assertEquals("DROP", regions.get(1).get("region").asText());
        assertTrue(regions.get(1).get("missing").asBoolean());
        assertEquals("ERR_SITE_UNAVAILABLE", regions.get(1).get("error").asText());
        assertEquals("ERR_SITE_TIMEOUT", regions.get(3).get("error").asText());
        assertEquals("ERR_SITE_BAD_ANSWER", regions.get(4).get("error").asText());
        assertEquals("ERR_SITE_AUTH_REFUSED", regions.get(6).get("error").asText());
        // a missing block still has every bucket (the UI pairs rows by index), with nothing known
        assertEquals(3, regions.get(1).get("log").size());
        assertTrue(regions.get(1).get("log").get(0).get("totalRevenueBTC").isNull());
        for (int d = 0; d < 3; d++) {
            assertEquals(0, sum(own, d, "revenueBTC").compareTo(answer.get("data").get("log").get(d)
                    .get("totalRevenueBTC").decimalValue()));
        }
        assertEquals(5, answer.get("errors").size());
    }

    @Test
    @Order(7)
    void whenNoRequestedSiteAnswersTheRequestFails() {
        TestGateway.Response silent = central.get("/auth/revenue?" + params(List.of("mute"), "daily"), token);
        assertEquals(504, silent.status());
        assertEquals("ERR_SITE_TIMEOUT", silent.errorCode());
        assertEquals("mute=timeout", siteFailures(silent));
        TestGateway.Response broken = central.get("/auth/operations/hashrate?" + params(List.of("drop", "liar"),
                "daily"), token);
        assertEquals(502, broken.status());
        assertEquals("ERR_SITE_UNAVAILABLE", broken.errorCode());
    }

    @Test
    @Order(8)
    void requestsAreCheckedBeforeAnySiteIsAsked() {
        assertEquals("ERR_MISSING_START_END", central.get("/auth/revenue?endDate=2026-01-02", token).errorCode());
        assertEquals("ERR_INVALID_DATE", central.get("/auth/revenue?startDate=2026-1-2&endDate=2026-01-02", token)
                .errorCode());
        assertEquals("ERR_REGIONS_INVALID_JSON", central.get("/auth/revenue?startDate=2026-01-01&endDate=2026-01-02"
                + "&regions=NORTH", token).errorCode());
        assertEquals("ERR_REGIONS_INVALID", central.get("/auth/revenue?startDate=2026-01-01&endDate=2026-01-02"
                + "&regions=" + q("{\"a\":1}"), token).errorCode());
        assertEquals("ERR_DATE_RANGE_TOO_LARGE", central.get("/auth/revenue?startDate=2024-01-01&endDate=2025-12-31",
                token).errorCode());
        assertEquals("ERR_PERIOD_INVALID", central.get("/auth/revenue?startDate=2026-01-01&endDate=2026-01-02"
                + "&period=hourly", token).errorCode());
        // the UI's default range on the 1st of a month ends before it starts: empty, not an error
        JsonNode empty = ok("/auth/revenue?startDate=2026-03-01&endDate=2026-02-28&regions=" + q("[\"NORTH\"]"));
        assertEquals(0, empty.get("log").size());
        assertEquals(1, empty.get("regions").size());
    }

    @Test
    @Order(9)
    void aSiteGatewayThatStopsIsNamedAndTheOthersStillAnswer() {
        sites.site("east").gateway().close();
        TestGateway.Response response = central.get("/auth/revenue?" + params(REAL, "daily")
                + "&overwriteCache=true", token);
        assertEquals(200, response.status(), response.body());
        assertEquals("east=unavailable", siteFailures(response));
        JsonNode answer = exact(response);
        assertTrue(answer.get("regions").get(2).get("missing").asBoolean());
        assertEquals(0, sum(List.of(siteDays("north"), siteDays("south")), 0, "revenueBTC")
                .compareTo(answer.get("data").get("log").get(0).get("totalRevenueBTC").decimalValue()));
    }
}
