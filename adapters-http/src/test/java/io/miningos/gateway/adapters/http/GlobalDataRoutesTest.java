package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.globaldata.GlobalDataService;
import io.miningos.gateway.application.globaldata.InMemoryGlobalDataStore;
import io.miningos.gateway.application.identity.InMemoryAuditLog;
import io.miningos.gateway.application.shared.InMemoryTransactions;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.globaldata.SiteName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The global-data routes over a real socket with the real service and response cache (answers kept 15 minutes,
 * as sites configure it) over the in-memory store.
 */
class GlobalDataRoutesTest {

    /** The seed's examples, as a client sends them. */
    static final String SEED_COSTS = """
            {"data": {"site": "site-01", "year": 2024, "month": 10,
              "energyCostsUSD": 1000.00, "operationalCostsUSD": 1000.00}}""";
    static final String SEED_ENERGY = """
            {"data": {"site": "site-01", "energyExclusionThresholdMwh": 100.5}}""";
    static final String SEED_CONTAINER = """
            {"data": {"site": "site-01", "model": "MicroBT-D40",
              "parameters": {"runningSpeed": 100, "startTemp": 25, "stopTemp": 85, "coolOilAlarmTemp": 75,
                "coolWaterAlarmTemp": 45, "coolOilSetTemp": 40, "hotOilAlarmTemp": 80, "hotWaterAlarmTemp": 50,
                "exhaustFansRunTemp": 60, "alarmPressure": 150, "miner1CoolingConsumptionW": 500,
                "miner1MinPowerW": 3000, "miner2CoolingConsumptionW": 500, "miner2MinPowerW": 3000},
              "thresholds": {
                "waterTemperature": {"criticalLow": 10, "alarmLow": 20, "normal": 35, "alarmHigh": 45,
                  "criticalHigh": 50},
                "oilTemperature": {"criticalLow": 15, "alert": 30, "normal": 40, "alarm": 75, "criticalHigh": 85},
                "tankPressure": {"criticalLow": 50, "alarmLow": 80, "normal": 100, "alarmHigh": 140,
                  "criticalHigh": 160},
                "supplyLiquidPressure": {"criticalLow": 60, "alarmLow": 90, "normal": 110, "alarmHigh": 150,
                  "criticalHigh": 170}}}}""";
    static final String SEED_FEATURES = """
            {"data": {"experimentalDashboard": true, "advancedMetrics": true, "autoScaling": false}}""";
    static final String SEED_FEATURE_CONFIG = """
            {"comments": true, "inventory": false, "lvCabinetWidgets": true, "poolStats": true,
             "powerAvailable": true, "reporting": true, "settings": true, "isOneMinItvEnabled": false,
             "powerModeTimeline": false, "totalSystemConsumptionChart": false, "exportHistKpiDashboard": false,
             "showMinerConsumptionDashboard": false, "totalSystemConsumptionHeader": false,
             "energyProvision": true}""";

    private final ExecutorService loader = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final GlobalDataService service = new GlobalDataService(new InMemoryGlobalDataStore(), audit,
            new InMemoryTransactions(), new ResponseCache(1 << 20, Duration.ofSeconds(2)),
            new CacheTimings(Map.of(), Duration.ofMinutes(15)), new SiteName("site-01"), loader, Clock.systemUTC());
    private final TestServer http = new TestServer(new GlobalDataRoutes(service, service, parse(SEED_FEATURE_CONFIG)));
    private final String admin = http.tokenFor("admin@example.com", "admin");
    private final String operator = http.tokenFor("operator@example.com", "site_operator");
    private final String viewer = http.tokenFor("viewer@example.com", "read_only_user");

    @AfterEach
    void stop() {
        http.close();
        loader.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return HttpJson.mapper().readValue(json, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON text with insignificant whitespace removed, numbers written exactly as given. */
    static String compact(String json) {
        try {
            return HttpJson.mapper().writeValueAsString(HttpJson.mapper().readValue(json, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data} object of a request body, compacted. */
    static String dataOf(String body) {
        try {
            return HttpJson.mapper().writeValueAsString(parse(body).get("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void ok(TestServer.Reply reply) {
        assertEquals(200, reply.status(), reply.raw().body());
        assertEquals("{\"success\":true}", reply.raw().body());
    }

    private String body(String path, String token) {
        TestServer.Reply reply = http.get(path, token);
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.raw().body();
    }

    @Test
    void theSeedsProductionCostsRoundTripByteForByte() {
        ok(http.post("/auth/global/data?type=productionCosts", admin, SEED_COSTS));
        assertEquals("[" + dataOf(SEED_COSTS) + "]",
                body("/auth/global/data?type=productionCosts&gte=202401&lte=202412", viewer));
        assertEquals("[{\"site\":\"site-01\",\"year\":2024,\"month\":10,\"energyCostsUSD\":1000.00,"
                + "\"operationalCostsUSD\":1000.00}]", body("/auth/global/data?type=productionCosts", viewer));
    }

    @Test
    void theSeedsContainerSettingsSiteEnergyAndFeaturesRoundTripByteForByte() {
        ok(http.post("/auth/global/data?type=containerSettings", admin, SEED_CONTAINER));
        assertEquals("[" + dataOf(SEED_CONTAINER) + "]", body("/auth/global/data?type=containerSettings", viewer));
        assertEquals("[" + dataOf(SEED_CONTAINER) + "]", // the seed's own request
                body("/auth/global/data?type=containerSettings&query=%7B%22site%22%3A%22site-01%22%7D", viewer));
        assertEquals("[" + dataOf(SEED_CONTAINER) + "]",
                body("/auth/global/data?type=containerSettings&model=MicroBT-D40", viewer));
        assertEquals("[]", body("/auth/global/data?type=containerSettings&model=Other", viewer));

        ok(http.post("/auth/global/data?type=siteEnergy", admin, SEED_ENERGY));
        assertEquals("[" + dataOf(SEED_ENERGY) + "]", body("/auth/global/data?type=siteEnergy", viewer));

        ok(http.post("/auth/features", admin, SEED_FEATURES));
        assertEquals(dataOf(SEED_FEATURES), body("/auth/features", viewer));
        assertEquals(dataOf(SEED_FEATURES), body("/auth/global/data?type=features", viewer));
    }

    @Test
    void featureConfigIsTheConfiguredMapInItsOrder() {
        assertEquals(compact(SEED_FEATURE_CONFIG), body("/auth/featureConfig", viewer));
    }

    @Test
    void featuresAreAnEmptyObjectUntilSaved() {
        assertEquals("{}", body("/auth/features", viewer));
        assertEquals("{}", body("/auth/features?overwriteCache=true", viewer));
        assertEquals("{}", body("/auth/global/data?type=features", viewer));
    }

    @Test
    void aWriteIsReadBackAtOnceThoughReadsAreCachedForFifteenMinutes() {
        String path = "/auth/global/data?type=productionCosts&gte=202401&lte=202412";
        assertEquals("[]", body(path, viewer));
        ok(http.post("/auth/global/data?type=productionCosts", admin,
                "{\"data\":{\"year\":2024,\"month\":3,\"energyCostsUSD\":10}}"));
        assertEquals("[{\"site\":\"site-01\",\"year\":2024,\"month\":3,\"energyCostsUSD\":10}]", body(path, viewer));
        ok(http.post("/auth/global/data?type=productionCosts", admin,
                "{\"data\":{\"year\":2024,\"month\":3,\"energyCostsUSD\":12.5}}"));
        assertEquals("[{\"site\":\"site-01\",\"year\":2024,\"month\":3,\"energyCostsUSD\":12.5}]", body(path, viewer));

        assertEquals("{}", body("/auth/features", viewer));
        ok(http.post("/auth/global/data?type=features", admin, "{\"data\":{\"beta\":true}}"));
        assertEquals("{\"beta\":true}", body("/auth/features", viewer));
        ok(http.post("/auth/features", admin, "{\"data\":{\"beta\":false}}"));
        assertEquals("{\"beta\":false}", body("/auth/global/data?type=features", viewer));
        assertEquals("{\"beta\":false}", body("/auth/features", viewer));
    }

    @Test
    void twoOperatorsSavingDifferentMonthsBothPersist() {
        ok(http.post("/auth/global/data?type=productionCosts", admin, "{\"data\":{\"year\":2024,\"month\":1}}"));
        String other = http.tokenFor("admin2@example.com", "admin");
        ok(http.post("/auth/global/data?type=productionCosts", other, "{\"data\":{\"year\":2024,\"month\":2}}"));
        JsonNode months = http.get("/auth/global/data?type=productionCosts", viewer).json();
        assertEquals(2, months.size());
        assertEquals(List.of("productionCosts:202401", "productionCosts:202402"),
                audit.latest(10).reversed().stream().map(AuditEntry::target).toList());
    }

    @Test
    void rangeOffsetAndLimitSelectMonths() {
        for (int m = 1; m <= 12; m++) {
            ok(http.post("/auth/global/data?type=productionCosts", admin,
                    "{\"data\":{\"year\":2024,\"month\":" + m + "}}"));
        }
        ok(http.post("/auth/global/data?type=productionCosts", admin, "{\"data\":{\"year\":2025,\"month\":1}}"));
        assertEquals(12, http.get("/auth/global/data?type=productionCosts&gte=202401&lte=202412", viewer).json()
                .size());
        assertEquals(13, http.get("/auth/global/data?type=productionCosts", viewer).json().size());
        JsonNode window = http.get("/auth/global/data?type=productionCosts&gt=202406&lt=202501&offset=2&limit=3",
                viewer).json();
        assertEquals("[9,10,11]", window.findValuesAsText("month").toString().replace(" ", ""));
        assertEquals("[]", body("/auth/global/data?type=productionCosts&gt=202412&lt=202501", viewer));
    }

    @Test
    void everyWriteRouteNeedsFeaturesWrite() {
        for (String token : List.of(operator, viewer)) {
            Expect.forbidden(http.post("/auth/global/data?type=productionCosts", token, SEED_COSTS),
                    "ERR_AUTH_FAIL_NO_PERMS");
            Expect.forbidden(http.post("/auth/global/data?type=containerSettings", token, SEED_CONTAINER),
                    "ERR_AUTH_FAIL_NO_PERMS");
            Expect.forbidden(http.post("/auth/global/data?type=siteEnergy", token, SEED_ENERGY),
                    "ERR_AUTH_FAIL_NO_PERMS");
            Expect.forbidden(http.post("/auth/global/data?type=features", token, SEED_FEATURES),
                    "ERR_AUTH_FAIL_NO_PERMS");
            Expect.forbidden(http.post("/auth/features", token, SEED_FEATURES), "ERR_AUTH_FAIL_NO_PERMS");
            // refused before the request is looked at
            Expect.forbidden(http.post("/auth/global/data?type=nonsense", token, "{not json"),
                    "ERR_AUTH_FAIL_NO_PERMS");
        }
        assertEquals("[]", body("/auth/global/data?type=productionCosts", viewer));
        assertEquals("{}", body("/auth/features", viewer));
        ok(http.post("/auth/features", http.rootToken(), SEED_FEATURES));
    }

    @Test
    void readsAndWritesNeedAToken() {
        Expect.error(http.get("/auth/global/data?type=productionCosts", null), 401,
                "Missing or invalid Authorization header", "ERR_AUTH_FAIL");
        Expect.error(http.post("/auth/features", null, SEED_FEATURES), 401,
                "Missing or invalid Authorization header", "ERR_AUTH_FAIL");
        Expect.error(http.get("/auth/featureConfig", null), 401,
                "Missing or invalid Authorization header", "ERR_AUTH_FAIL");
    }

    @Test
    void badTypesAreRefusedOnReadsAndWrites() {
        for (String type : List.of("", "&type=", "?type=costs", "?type=ProductionCosts", "?type=userSettings")) {
            String query = type.startsWith("&") ? "?x=1" + type : type;
            Expect.badRequest(http.get("/auth/global/data" + query, viewer), "ERR_INVALID_TYPE");
            Expect.badRequest(http.post("/auth/global/data" + query, admin, SEED_COSTS), "ERR_INVALID_TYPE");
        }
    }

    @Test
    void badYearsMonthsAndDataAreRefusedAndChangeNothing() {
        ok(http.post("/auth/global/data?type=productionCosts", admin, SEED_COSTS));
        String costs = "/auth/global/data?type=productionCosts";
        for (String year : List.of("-1", "\"2024\"", "2024.5", "null", "true", "10000")) {
            Expect.badRequest(http.post(costs, admin, "{\"data\":{\"year\":" + year + ",\"month\":10}}"),
                    "ERR_INVALID_YEAR");
        }
        Expect.badRequest(http.post(costs, admin, "{\"data\":{\"month\":10}}"), "ERR_INVALID_YEAR");
        for (String month : List.of("0", "13", "\"10\"", "1.5", "null")) {
            Expect.badRequest(http.post(costs, admin, "{\"data\":{\"year\":2024,\"month\":" + month + "}}"),
                    "ERR_INVALID_MONTH");
        }
        Expect.badRequest(http.post(costs, admin, "{\"data\":{\"year\":2024,\"month\":10,\"energyCostsUSD\":\"1\"}}"),
                "ERR_INVALID_COSTS");
        Expect.badRequest(http.post(costs, admin, "{\"data\":{\"site\":\"site-02\",\"year\":2024,\"month\":10}}"),
                "ERR_INVALID_SITE");
        for (String type : List.of("productionCosts", "containerSettings", "siteEnergy", "features")) {
            for (String body : List.of("{\"data\":[1]}", "{\"data\":\"x\"}", "{\"data\":null}", "{}", "",
                    "{\"data\":7}")) {
                Expect.badRequest(http.post("/auth/global/data?type=" + type, admin, body), "ERR_INVALID_JSON");
            }
            Expect.badRequest(http.post("/auth/global/data?type=" + type, admin, "{\"data\":"),
                    "ERR_BODY_INVALID_JSON");
            Expect.badRequest(http.post("/auth/global/data?type=" + type, admin, "[{\"data\":{}}]"),
                    "ERR_BODY_INVALID_JSON");
        }
        Expect.badRequest(http.post("/auth/features", admin, "{\"data\":[]}"), "ERR_INVALID_JSON");
        Expect.badRequest(http.post("/auth/features", admin, "{\"data\":{\"beta\":\"on\"}}"), "ERR_INVALID_FEATURES");
        Expect.badRequest(http.post("/auth/global/data?type=containerSettings", admin, "{\"data\":{\"model\":\"\"}}"),
                "ERR_INVALID_MODEL");
        Expect.badRequest(http.post("/auth/global/data?type=containerSettings", admin,
                "{\"data\":{\"model\":\"m\",\"thresholds\":[]}}"), "ERR_INVALID_THRESHOLDS");
        Expect.badRequest(http.post("/auth/global/data?type=siteEnergy", admin,
                "{\"data\":{\"energyExclusionThresholdMwh\":-3}}"), "ERR_INVALID_THRESHOLD");

        assertEquals("[" + dataOf(SEED_COSTS) + "]", body(costs, viewer));
        assertEquals("[]", body("/auth/global/data?type=containerSettings", viewer));
        assertEquals("[]", body("/auth/global/data?type=siteEnergy", viewer));
        assertEquals("{}", body("/auth/features", viewer));
        assertEquals(1, audit.latest(100).size());
    }

    @Test
    void absurdNumbersAreRefusedAndChangeNothing() {
        String costs = "/auth/global/data?type=productionCosts";
        for (String cost : List.of("1e2147483647", "-1e-2147483647", "1e13", "{\"tolls\":1E+400}")) {
            Expect.badRequest(http.post(costs, admin, "{\"data\":{\"year\":2024,\"month\":10,"
                    + "\"energyCostsUSD\":" + cost + "}}"), "ERR_INVALID_COSTS");
        }
        Expect.badRequest(http.post(costs, admin, "{\"data\":{\"year\":2024,\"month\":10,\"note\":1e999}}"),
                "ERR_INVALID_NUMBER");
        String settings = "/auth/global/data?type=containerSettings";
        for (String level : List.of("-1", "\"x\"", "true", "1e2147483647", "[1]")) {
            Expect.badRequest(http.post(settings, admin, "{\"data\":{\"model\":\"m\",\"thresholds\":"
                    + "{\"waterTemperature\":{\"criticalLow\":" + level + "}}}}"), "ERR_INVALID_THRESHOLDS");
        }
        Expect.badRequest(http.post(settings, admin, "{\"data\":{\"model\":\"m\",\"parameters\":"
                + "{\"startTemp\":1e400}}}"), "ERR_INVALID_NUMBER");
        Expect.badRequest(http.post("/auth/global/data?type=siteEnergy", admin,
                "{\"data\":{\"energyExclusionThresholdMwh\":1e2147483647}}"), "ERR_INVALID_THRESHOLD");
        assertEquals("[]", body(costs, viewer));
        assertEquals("[]", body(settings, viewer));
        assertEquals("[]", body("/auth/global/data?type=siteEnergy", viewer));
        assertEquals(0, audit.latest(100).size());
    }

    @Test
    void badQueryParametersHaveTheirOwnCodes() {
        String costs = "/auth/global/data?type=productionCosts";
        for (String name : List.of("gt", "gte", "lt", "lte")) {
            String code = "ERR_" + name.toUpperCase() + "_INVALID";
            for (String value : List.of("abc", "2024.5", "1e3", "99999999999999999999", "0x10")) {
                Expect.badRequest(http.get(costs + "&" + name + "=" + enc(value), viewer), code);
            }
        }
        for (String value : List.of("-1", "x", "2147483648")) {
            Expect.badRequest(http.get(costs + "&offset=" + value, viewer), "ERR_OFFSET_INVALID");
        }
        for (String value : List.of("0", "-5", "x", "100001", "99999999999")) {
            Expect.badRequest(http.get(costs + "&limit=" + value, viewer), "ERR_LIMIT_INVALID");
        }
        Expect.badRequest(http.get("/auth/global/data?type=containerSettings&model=%20%20", viewer),
                "ERR_MODEL_INVALID");
        Expect.badRequest(http.get("/auth/global/data?type=containerSettings&model=" + "m".repeat(201), viewer),
                "ERR_MODEL_INVALID");
        Expect.badRequest(http.get(costs + "&overwriteCache=yes", viewer), "ERR_OVERWRITECACHE_INVALID");
        Expect.badRequest(http.get("/auth/features?overwriteCache=2", viewer), "ERR_OVERWRITECACHE_INVALID");
    }


    @Test
    void unparsableJsonParametersAreRefusedWithTheirNames() {
        String costs = "/auth/global/data?type=productionCosts";
        for (String name : List.of("query", "fields", "sort")) {
            String code = "ERR_" + name.toUpperCase() + "_INVALID_JSON";
            for (String text : List.of("{bad", "{\"a\":}", "[1,", "{\"a\":1,\"a\":2}", "{} trailing", "NaN")) {
                Expect.badRequest(http.get(costs + "&" + name + "=" + enc(text), viewer), code);
            }
        }
    }

    @Test
    void malformedQueriesProjectionsSortsAndGroupsAreRefused() {
        String costs = "/auth/global/data?type=productionCosts";
        for (String query : List.of("[1]", "\"x\"", "{\"$where\":\"1\"}", "{\"a\":{\"$nope\":1}}")) {
            Expect.badRequest(http.get(costs + "&query=" + enc(query), viewer), "ERR_QUERY_INVALID");
        }
        for (String fields : List.of("[\"a\"]", "{\"a\":1,\"b\":0}", "{\"a\":\"yes\"}")) {
            Expect.badRequest(http.get(costs + "&fields=" + enc(fields), viewer), "ERR_FIELDS_INVALID");
        }
        for (String sort : List.of("[\"a\"]", "{\"a\":2}", "{\"a\":\"asc\"}")) {
            Expect.badRequest(http.get(costs + "&sort=" + enc(sort), viewer), "ERR_SORT_INVALID");
        }
        for (String groupBy : List.of("a..b", "$site", ".a", "a.")) {
            Expect.badRequest(http.get(costs + "&groupBy=" + enc(groupBy), viewer), "ERR_GROUPBY_INVALID");
        }
    }

    @Test
    void queryFieldsSortOffsetLimitAndGroupByWorkTogether() {
        for (int m = 1; m <= 12; m++) {
            ok(http.post("/auth/global/data?type=productionCosts", admin, "{\"data\":{\"year\":2024,\"month\":" + m
                    + ",\"energyCostsUSD\":" + (m * 100) + ",\"quarter\":\"Q" + ((m - 1) / 3 + 1) + "\"}}"));
        }
        String path = "/auth/global/data?type=productionCosts&gte=202401&lte=202412"
                + "&query=" + enc("{\"energyCostsUSD\":{\"$gte\":300}}")
                + "&fields=" + enc("{\"month\":1}")
                + "&sort=" + enc("{\"month\":-1}") + "&offset=1&limit=3";
        assertEquals("[{\"month\":11},{\"month\":10},{\"month\":9}]", body(path, viewer));
        assertEquals("{\"Q1\":[{\"month\":1,\"quarter\":\"Q1\"},{\"month\":2,\"quarter\":\"Q1\"}],"
                        + "\"Q2\":[{\"month\":4,\"quarter\":\"Q2\"}]}",
                body("/auth/global/data?type=productionCosts&query=" + enc("{\"month\":{\"$in\":[1,2,4]}}")
                        + "&fields=" + enc("{\"month\":1,\"quarter\":1}") + "&groupBy=quarter", viewer));
    }

    @Test
    void theUisSiteEnergyQueryFindsWhatTheUiSaved() {
        ok(http.post("/auth/global/data?type=siteEnergy", admin,
                "{\"data\":{\"energyExclusionThresholdMwh\":0.5,\"site\":\"Site-01\"}}"));
        assertEquals("[{\"site\":\"Site-01\",\"energyExclusionThresholdMwh\":0.5}]",
                body("/auth/global/data?type=siteEnergy&overwriteCache=true&query="
                        + enc("{\"site\":{\"$eq\":\"Site-01\"}}"), viewer));
    }
}
