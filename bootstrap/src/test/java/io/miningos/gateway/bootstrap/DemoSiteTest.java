package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded demo site as an operator meets it: one simulated ORK, its stored data, its actions, its sign-in. */
class DemoSiteTest {

    @TempDir
    Path dataDir;

    @Test
    void theDemoIsOneSimulatedOrkHoldingTheWholeSite() {
        GatewayConfig demo = ConfigLoader.embeddedDefault();
        assertEquals(List.of("cluster-1"), List.copyOf(demo.orks().keySet()));
        try (TestGateway gateway = TestGateway.serve(demo, dataDir)) {
            String admin = gateway.adminToken();
            JsonNode miners = gateway.get("/auth/list-things?limit=100000&fields=" + q("{\"id\":1}") + "&query="
                    + q("{\"tags\":{\"$in\":[\"t-miner\"]}}"), admin).json();
            assertEquals(1, miners.size(), "one slot: the UI reads only the first");
            assertTrue(miners.get(0).size() >= 450 && miners.get(0).size() <= 550, "about 500 miners: "
                    + miners.get(0).size());
            JsonNode features = gateway.get("/auth/featureConfig", admin).json();
            assertEquals(true, features.get("containerCharts").asBoolean());
            assertEquals(true, features.get("containerAutomationControl").asBoolean());
        }
    }

    @Test
    void theFirstStartStoresAYearOfCostsTheEnergyThresholdAndTheFlagsOfItsPagesButNeverOverwrites() {
        GatewayConfig demo = ConfigLoader.embeddedDefault();
        String edited = "{\"data\":{\"year\":2020,\"month\":5,\"energyCost\":1,\"operationalCost\":2}}";
        try (TestGateway gateway = TestGateway.serve(demo, dataDir)) {
            String admin = gateway.adminToken();
            JsonNode costs = gateway.get("/auth/global/data?type=productionCosts", admin).json();
            assertEquals(12, costs.size());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            JsonNode last = costs.get(11);
            assertEquals(today.getYear(), last.get("year").asInt());
            assertEquals(today.getMonthValue(), last.get("month").asInt());
            assertTrue(last.get("energyCost").asDouble() > 0 && last.get("operationalCost").asDouble() > 0,
                    "the fields the UI's cost input reads: " + last);
            // the UI queries the site energy under lodash's capitalize(site)
            JsonNode energy = gateway.get("/auth/global/data?type=siteEnergy&query="
                    + q("{\"site\":{\"$eq\":\"Demo-site\"}}"), admin).json();
            assertEquals(0.05, energy.get(0).get("energyExclusionThresholdMwh").asDouble());
            JsonNode flags = gateway.get("/auth/features", admin).json();
            for (String flag : List.of("userManagement", "inventory", "hashrateReport", "siteEnergyEnabled",
                    "siteOperationsEnabled")) {
                assertTrue(flags.get(flag).asBoolean(), flag + " in " + flags);
            }
            assertEquals(200, gateway.send("POST", "/auth/global/data?type=productionCosts", admin, edited).status());
            assertEquals(200, gateway.send("POST", "/auth/features", admin,
                    "{\"data\":{\"userManagement\":false}}").status());
        }
        try (TestGateway again = TestGateway.serve(demo, dataDir)) {
            String admin = again.adminToken();
            assertEquals(13, again.get("/auth/global/data?type=productionCosts", admin).json().size());
            assertEquals(false, again.get("/auth/features", admin).json().get("userManagement").asBoolean(),
                    "what the operator wrote stays");
        }
    }

    @Test
    void theEnergyRevenuePagesDowntimeCardsHaveFiguresFromTheSimulatedSite() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String range = "startDate=" + yesterday.minusDays(13) + "&endDate=" + yesterday
                + "&regions=%5B%5D&period=daily&groupByRegion=false";
        try (TestGateway gateway = TestGateway.serve(ConfigLoader.embeddedDefault(), dataDir)) {
            String admin = gateway.adminToken();
            JsonNode curtailment = gateway.get("/auth/downtime/curtailment?" + range, admin).json();
            JsonNode issues = gateway.get("/auth/downtime/operationalIssues?" + range, admin).json();
            double curtailed = curtailment.get("summary").get("sum").get("curtailmentRate").asDouble(-1);
            double lost = issues.get("summary").get("sum").get("operationalIssues").asDouble(-1);
            assertTrue(curtailed > 0 && curtailed < 100, "a share in percent: " + curtailment.get("summary"));
            assertTrue(lost > 0 && lost < 100, "a share in percent: " + issues.get("summary"));
            assertEquals(14, curtailment.get("log").size());
        }
    }

    @Test
    void aConfiguredSiteGetsNoDemoData() throws IOException {
        Path config = Files.createDirectories(dataDir.resolve("config"));
        Files.writeString(config.resolve("common.json"), "{\"site\":\"north\"}");
        GatewayConfig site = ConfigLoader.load(java.util.Optional.of(config));
        assertTrue(site.orks().isEmpty(), "no orks key, no ORKs");
        try (TestGateway gateway = TestGateway.serve(site, dataDir.resolve("data"))) {
            String admin = gateway.adminToken();
            assertEquals("[]", gateway.get("/auth/global/data?type=productionCosts", admin).body());
            assertEquals("{}", gateway.get("/auth/features", admin).body());
            assertEquals("[]", gateway.get("/auth/list-things", admin).body());
        }
    }

    @Test
    void theSeededPendingActionIsOneAnAdminCanApproveAndAMinerRebootWaitsForASecondApproval() {
        try (TestGateway gateway = TestGateway.serve(ConfigLoader.embeddedDefault(), dataDir)) {
            String admin = gateway.adminToken();
            JsonNode voting = gateway.get("/auth/actions?queries=" + q("[{\"type\":\"voting\"}]"), admin).json()
                    .get(0).get("voting");
            assertEquals(1, voting.size(), "one seeded action waits: " + voting);
            Set<String> caps = new HashSet<>();
            gateway.gateway().config().identity().roles().permissionsOf("admin").capabilities().forEach(caps::add);
            voting.get(0).get("requiredPerms").forEach(perm -> assertTrue(caps.contains(perm.asText()),
                    "an admin holds " + perm + ": " + caps));
            gateway.gateway().users().createFromConsole(new NewUser(new Email("second.admin@example.com"), "Second",
                    "admin"));
            String secondAdmin = gateway.tokenFor("second.admin@example.com");
            long seeded = voting.get(0).get("id").asLong();
            assertEquals("[{\"success\":1}]", gateway.send("PUT", "/auth/actions/voting/" + seeded + "/vote",
                    secondAdmin, "{\"approve\":true}").body());

            String miner = gateway.get("/auth/list-things?limit=1&fields=" + q("{\"id\":1}") + "&query="
                    + q("{\"tags\":{\"$in\":[\"t-miner\"]}}"), admin).json().get(0).get(0).get("id").asText();
            JsonNode pushed = gateway.send("POST", "/auth/actions/voting", admin, "{\"query\":{\"id\":\"" + miner
                    + "\"},\"action\":\"reboot\",\"params\":[]}").json();
            assertEquals(1, pushed.size());
            assertEquals("VOTING", pushed.get(0).get("data").get("status").asText());
            long reboot = pushed.get(0).get("id").asLong();
            JsonNode cancelled = gateway.send("DELETE", "/auth/actions/voting/cancel?ids=" + reboot, admin, null)
                    .json();
            // the shipped UI reads result[0].res[0].success
            assertEquals(true, cancelled.get(0).get("res").get(0).get("success").asBoolean(), cancelled.toString());
        }
    }

    @Test
    void withAHostedUiAndNoGoogleSignInTheSignInButtonComesBackToTheSignInPage() throws Exception {
        Path ui = Files.createDirectories(dataDir.resolve("ui"));
        Files.writeString(ui.resolve("index.html"), "<html></html>");
        try (TestGateway gateway = TestGateway.serve(ConfigLoader.embeddedDefault().withStaticRoot(ui.toString()),
                dataDir.resolve("data"))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/oauth/google")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, response.statusCode());
            assertEquals("/signin?error=ERR_OAUTH_NOT_CONFIGURED",
                    response.headers().firstValue("Location").orElseThrow());
            assertFalse(response.body().contains("501"));
        }
    }

    /** The part of the inventory's {@code list-things} read with this serial number, or null. */
    private static JsonNode part(TestGateway gateway, String token, String serial) {
        JsonNode found = gateway.get("/auth/list-things?query=" + q("{\"info.serialNum\":\"" + serial + "\"}")
                + "&fields=" + q("{\"id\":1,\"code\":1,\"rack\":1,\"info\":1}"), token).json().get(0);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Pushes an action as the UI's inventory modals do, approves it as a second admin and waits until it ran. */
    private static void runApproved(TestGateway gateway, String admin, String secondAdmin, String action,
                                    String params, String tags) throws InterruptedException {
        JsonNode pushed = gateway.send("POST", "/auth/actions/voting", admin, "{\"type\":\"voting\",\"action\":\""
                + action + "\",\"params\":" + params + ",\"actionType\":\"miner\",\"query\":{\"tags\":" + tags
                + "}}").json();
        long id = pushed.path(0).path("id").asLong(-1);
        assertTrue(id > 0, "a part rack takes " + action + ": " + pushed);
        assertEquals("[{\"success\":1}]", gateway.send("PUT", "/auth/actions/voting/" + id + "/vote", secondAdmin,
                "{\"approve\":true}").body());
        for (int i = 0; i < 300; i++) {
            JsonNode found = gateway.get("/auth/actions/batch?ids=" + id, admin).json().path(0);
            if ("done".equals(found.path("type").asText())) {
                JsonNode call = found.get("action").get("targets").elements().next().get("calls").get(0);
                assertTrue(call.has("result"), action + " ran: " + call);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(action + " did not run within 30 s");
    }

    @Test
    void theInventoryPagesAddMoveAndDeleteASparePart() throws InterruptedException {
        // The ORK runs an approved action on its own, later: no write of the gateway drops the cached reads that
        // show it. With the demo's cache timing (actions 30 s, things 15 s) the test would wait out the cache at
        // every step; it reads through the cache instead.
        GatewayConfig demo = ConfigLoader.embeddedDefault();
        Map<String, String> timing = new LinkedHashMap<>(demo.cacheTiming());
        timing.put("/auth/actions/batch", "0s");
        timing.put("/auth/list-things", "0s");
        GatewayConfig config = new GatewayConfig(demo.site(), demo.identity(), demo.http(), demo.featureConfig(),
                demo.orks(), timing, demo.rpcTimeoutMs(), demo.staticRootPath(), demo.fanOut(), demo.signIn(),
                demo.pluginsDir(), demo.observability(), demo.embeddedDemo(), demo.storage(), demo.multiSite());
        try (TestGateway gateway = TestGateway.serve(config, dataDir)) {
            String admin = gateway.adminToken();
            gateway.gateway().users().createFromConsole(new NewUser(new Email("second.admin@example.com"), "Second",
                    "admin"));
            String secondAdmin = gateway.tokenFor("second.admin@example.com");
            String rack = null;
            for (JsonNode r : gateway.get("/auth/list-racks?type=inventory", admin).json().get(0)) {
                if (r.get("type").asText().equals("inventory-miner_part-psu")) {
                    rack = r.get("id").asText();
                }
            }
            assertTrue(rack != null, "a PSU rack");
            // what AddSparePartModal sends (no tags, so its query's $in is dropped by JSON)
            runApproved(gateway, admin, secondAdmin, "registerThing", "[{\"rackId\":\"" + rack + "\",\"info\":{"
                    + "\"parentDeviceModel\":\"am\",\"site\":\"demo-site\",\"subType\":\"APW12\","
                    + "\"serialNum\":\"PSAMHTTP0001\",\"location\":\"site.warehouse\",\"status\":\"ok_brand_new\"},"
                    + "\"comment\":\"\",\"tags\":[\"site-demo-site\"]}]", "{}");
            JsonNode added = part(gateway, admin, "PSAMHTTP0001");
            assertTrue(added != null, "the new part is listed");
            assertTrue(added.get("code").asText().startsWith("PS-AM-APW12-"), added.toString());
            String id = added.get("id").asText();

            // MoveSparePartModal: updateThing with the part's id tag
            runApproved(gateway, admin, secondAdmin, "updateThing", "[{\"id\":\"" + id + "\",\"rackId\":\"" + rack
                    + "\",\"info\":{\"location\":\"workshop.lab\",\"status\":\"faulty\"},\"comment\":\"hums\"}]",
                    "{\"$in\":[\"id-" + id + "\"]}");
            JsonNode moved = part(gateway, admin, "PSAMHTTP0001").get("info");
            assertEquals("workshop.lab", moved.get("location").asText());
            assertEquals("faulty", moved.get("status").asText());
            boolean logged = false;
            for (JsonNode entry : gateway.get("/auth/history-log?logType=info", admin).json().get(0)) {
                logged |= entry.get("thing").get("id").asText().equals(id)
                        && entry.get("changes").has("location");
            }
            assertTrue(logged, "the movements page lists the move");

            // ConfirmDeleteSparePartModal: forgetThings by the part's id
            runApproved(gateway, admin, secondAdmin, "forgetThings", "[{\"rackId\":\"" + rack
                    + "\",\"query\":{\"id\":\"" + id + "\"}}]", "{}");
            assertEquals(null, part(gateway, admin, "PSAMHTTP0001"), "the deleted part is gone");
        }
    }
}
