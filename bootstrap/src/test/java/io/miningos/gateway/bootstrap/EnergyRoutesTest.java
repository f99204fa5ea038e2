package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The energy-forecast routes over a socket, from two scripted electricity workers: the first forecasts 1.5 MW at 40
 * USD/MWh for the hour H0 and 2 MW at 35 the hour after, the second 0.5 MW at 44 for H0; the first holds the settings.
 */
class EnergyRoutesTest extends TwoOrkGatewayTest {

    static final long H0 = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;
    static final String SETTINGS = "{\"miningRevenueTaxFees\":{\"value\":2},\"sellingEnergyTaxFees\":{},"
            + "\"buyingEnergyTaxFees\":{},\"lcoe\":{\"value\":48.5},\"siteEfficiency\":{},\"note\":\"kept\"}";

    private String token;

    @BeforeEach
    void start() {
        token = gateway.tokenForRole("read_only_user");
        one.on("getWrkExtData", request -> answer(switch (request.path("query").path("key").asText()) {
            case "forecast" -> "[{\"ts\":" + H0 + ",\"points\":[{\"ts\":" + H0 + ",\"availablePowerMW\":1.5,"
                    + "\"priceUSDPerMWh\":40},{\"ts\":" + (H0 + HOUR) + ",\"availablePowerMW\":2,\"priceUSDPerMWh\":35}]}]";
            case "forecastHistory" -> "[{\"ts\":" + H0 + ",\"forecastPowerMW\":1.5,\"actualPowerMW\":1.4,"
                    + "\"forecastPriceUSDPerMWh\":40,\"actualPriceUSDPerMWh\":41.5}]";
            case "forecastSettings" -> "[" + SETTINGS + "]";
            default -> "[]";
        }));
        one.on("setWrkExtData", answer("{\"success\":true}"));
        two.on("getWrkExtData", request -> answer(switch (request.path("query").path("key").asText()) {
            case "forecast" -> "[{\"ts\":" + H0 + ",\"points\":[{\"ts\":" + H0 + ",\"availablePowerMW\":0.5,"
                    + "\"priceUSDPerMWh\":44}]}]";
            case "forecastSettings" -> "[{\"lcoe\":{\"value\":99}}]";
            default -> "[]";
        }));
        two.on("setWrkExtData", answer("{\"success\":true}"));
    }

    private JsonNode ok(String path) {
        TestGateway.Response response = gateway.get(path, token);
        assertEquals(200, response.status(), path + ": " + response.body());
        assertNull(response.orkFailures(), path);
        return response.json();
    }

    @Test
    void theForecastOfTwoSitesAddsPowerAndAveragesPrices() {
        JsonNode forecast = ok("/auth/energy/forecast");
        assertEquals(H0, forecast.get("issuedAt").asLong());
        assertEquals("[{\"ts\":" + H0 + ",\"availablePowerMW\":2.0,\"priceUsdPerMWh\":42.0},{\"ts\":" + (H0 + HOUR)
                + ",\"availablePowerMW\":2.0,\"priceUsdPerMWh\":35.0}]", forecast.get("log").toString());
    }

    @Test
    void theHistoryIsCachedPerRangeWithTheRangeInsideTheQuery() {
        JsonNode first = ok("/auth/energy/forecast/history?start=" + H0 + "&end=" + (H0 + 24 * HOUR));
        assertEquals("[{\"ts\":" + H0 + ",\"forecastPowerMW\":1.5,\"actualPowerMW\":1.4,\"forecastPriceUsdPerMWh\":40.0,"
                + "\"actualPriceUsdPerMWh\":41.5}]", first.get("log").toString());
        JsonNode request = one.lastCall("getWrkExtData").request();
        assertEquals(H0, request.path("query").path("start").asLong(), "inside query (Node: at the top level)");
        ok("/auth/energy/forecast/history?start=" + H0 + "&end=" + (H0 + 48 * HOUR));
        assertEquals(H0 + 48 * HOUR, one.lastCall("getWrkExtData").request().path("query").path("end").asLong(),
                "another range is another answer (Node served the first range's)");
    }

    @Test
    void savedSettingsAreStoredOnEveryOrkAndTheNextReadShowsThem() {
        assertEquals(48.5, ok("/auth/energy/forecast/settings").get("lcoe").get("value").asDouble(),
                "the first worker's");
        int reads = one.calls("getWrkExtData").size();
        TestGateway.Response saved = gateway.send("POST", "/auth/energy/forecast/settings",
                gateway.tokenForRole("site_operator"), SETTINGS);
        assertEquals(200, saved.status(), saved.body());
        assertEquals("[{\"success\":true},{\"success\":true}]", saved.body());
        JsonNode sent = one.lastCall("setWrkExtData").request();
        assertEquals("electricity", sent.get("type").asText());
        assertEquals("forecastSettings", sent.get("key").asText());
        assertEquals("kept", sent.get("value").get("note").asText(), "stored as sent");
        ok("/auth/energy/forecast/settings");
        assertEquals(reads + 1, one.calls("getWrkExtData").size(), "the write dropped the cached settings");
    }

    @Test
    void availableEnergyIsSentAsTheWorkersStoreIt() {
        TestGateway.Response saved = gateway.send("POST", "/auth/energy/available", gateway.adminToken(),
                "{\"data\":[{\"ts\":" + H0 + ",\"availablePowerMW\":3.5},{\"ts\":" + (H0 + HOUR) + ",\"availableMw\":0}]}");
        assertEquals(200, saved.status(), saved.body());
        assertEquals("[{\"ts\":" + H0 + ",\"availableMw\":3.5},{\"ts\":" + (H0 + HOUR) + ",\"availableMw\":0}]",
                one.lastCall("setWrkExtData").request().get("value").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/energy/forecast/settings | {\"lcoe\":{}}                                   | ERR_BODY_INVALID",
            "/auth/energy/forecast/settings | [1]                                             | ERR_BODY_INVALID_JSON",
            "/auth/energy/available         | {}                                              | ERR_DATA_INVALID",
            "/auth/energy/available         | {\"data\":{}}                                   | ERR_DATA_INVALID",
            "/auth/energy/available         | {\"data\":[{\"ts\":\"today\",\"availablePowerMW\":1}]} | ERR_DATA_INVALID",
            "/auth/energy/available         | {\"data\":[{\"ts\":1.5,\"availablePowerMW\":1}]}   | ERR_DATA_INVALID",
            "/auth/energy/available         | {\"data\":[{\"ts\":1780272000000,\"availablePowerMW\":-1}]} | ERR_DATA_INVALID",
            "/auth/energy/available         | {\"data\":[{\"ts\":1780272000000}]}             | ERR_DATA_INVALID",
    })
    void badBodiesAre400AndReachNoOrk(String path, String body, String code) {
        TestGateway.Response response = gateway.send("POST", path, gateway.adminToken(), body);
        assertEquals(400, response.status(), body + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls("setWrkExtData").isEmpty());
    }

    @Test
    void moreThanAThousandPointsAre400() {
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i <= 1000; i++) {
            body.append(i > 0 ? "," : "").append("{\"ts\":").append(H0 + i * HOUR).append(",\"availablePowerMW\":1}");
        }
        TestGateway.Response response = gateway.send("POST", "/auth/energy/available", gateway.adminToken(),
                body.append("]}").toString());
        assertEquals("ERR_DATA_INVALID", response.errorCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "end=1780444800000                                   | ERR_MISSING_START_END",
            "start=1780444800000&end=1780272000000               | ERR_INVALID_DATE_RANGE",
            "start=1748736000000&end=1780444800000               | ERR_DATE_RANGE_TOO_LARGE",
            "start=1780272000000&end=1780444800000&overwriteCache=yes | ERR_OVERWRITECACHE_INVALID",
    })
    void badHistoryRangesAre400(String query, String code) {
        TestGateway.Response response = gateway.get("/auth/energy/forecast/history?" + query, token);
        assertEquals(400, response.status(), response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void writingNeedsMinerWriteCheckedBeforeTheBody() {
        for (String path : new String[]{"/auth/energy/forecast/settings", "/auth/energy/available"}) {
            TestGateway.Response response = gateway.send("POST", path, token, "{}");
            assertEquals(403, response.status(), path + ": " + response.body());
            assertEquals("ERR_AUTH_FAIL_NO_PERMS", response.errorCode());
            assertEquals(401, gateway.send("POST", path, "nonsense", SETTINGS).status());
        }
        assertTrue(one.calls("setWrkExtData").isEmpty());
        assertEquals(401, gateway.get("/auth/energy/forecast", "nonsense").status());
    }

    @Test
    void aFailedOrkIsNamedInReadsAndIsAnEntryOfWrites() {
        two.on("getWrkExtData", FakeOrk.unreachable());
        two.on("setWrkExtData", FakeOrk.unreachable());
        TestGateway.Response read = gateway.get("/auth/energy/forecast", token);
        assertEquals(200, read.status(), read.body());
        assertEquals("cluster-2=unavailable", read.orkFailures());
        assertEquals(1.5, read.json().get("log").get(0).get("availablePowerMW").asDouble());
        TestGateway.Response write = gateway.send("POST", "/auth/energy/forecast/settings", gateway.adminToken(),
                SETTINGS);
        assertEquals(200, write.status(), write.body());
        assertEquals("[{\"success\":true},{\"error\":\"ERR_ORK_UNAVAILABLE\"}]", write.body());
        one.on("getWrkExtData", FakeOrk.unreachable());
        TestGateway.Response none = gateway.get("/auth/energy/forecast/settings", token);
        assertEquals(502, none.status(), none.body());
        assertEquals("ERR_ORK_UNAVAILABLE", none.errorCode());
    }

    @Test
    void noWorkerDataIsNoPointsAndNoSettings() {
        one.on("getWrkExtData", answer("[]"));
        two.on("getWrkExtData", answer("[]"));
        assertEquals("{\"issuedAt\":null,\"log\":[]}", ok("/auth/energy/forecast").toString());
        assertEquals("{}", ok("/auth/energy/forecast/settings").toString());
        assertEquals("{\"log\":[]}", ok("/auth/energy/forecast/history?start=" + H0 + "&end=" + (H0 + HOUR)).toString());
    }
}
