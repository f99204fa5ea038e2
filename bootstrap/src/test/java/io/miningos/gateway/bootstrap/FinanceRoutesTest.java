package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finance routes over a socket, from scripted ORKs: a small fixed site on June 1–3, 2026 (site meter 1.2 MW and
 * 1.19 MW, the third day's meter key failing; Ocean paid 0.03 and 0.025 BTC, F2Pool 0.02; prices 100,000 and 105,000,
 * today's 110,000) and the production costs stored here (June: 30,000 energy + 6,000 operational).
 */
class FinanceRoutesTest extends TwoOrkGatewayTest {

    static final long JUN_1 = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;
    static final String RANGE = "start=" + JUN_1 + "&end=" + (JUN_1 + 3 * DAY - 1);
    static final List<String> ROUTES = List.of("energy-balance", "ebitda", "cost-summary", "subsidy-fees", "revenue",
            "revenue-summary", "hash-revenue");

    private String token;

    @BeforeEach
    void start() {
        token = gateway.tokenForRole("read_only_user");
        one.on("tailLogCustomRangeAggr", request -> answer(rangeAggregates(request)));
        one.on("getWrkExtData", request -> answer(extData(request)));
        one.on("getGlobalConfig", answer("{\"nominalPowerAvailability_MW\":1.5}"));
        two.onAnyOther(answer("[]"));
        two.on("getGlobalConfig", answer("{}"));
        assertEquals(200, gateway.send("POST", "/auth/global/data?type=productionCosts", gateway.adminToken(),
                "{\"data\":{\"year\":2026,\"month\":6,\"energyCost\":30000,\"operationalCost\":6000}}").status());
    }

    private static String rangeAggregates(JsonNode request) {
        StringBuilder out = new StringBuilder("[");
        for (JsonNode key : request.get("keys")) {
            long day = Instant.parse(key.get("startDate").asText()).toEpochMilli();
            String type = key.get("type").asText();
            out.append(out.length() > 1 ? "," : "");
            if (type.equals("powermeter") && day == JUN_1 + 2 * DAY) {
                out.append("{\"type\":\"powermeter\",\"data\":null,\"error\":\"ERR_TIMEZONE_OFFSET_INVALID\"}");
            } else if (type.equals("powermeter")) {
                long watts = day == JUN_1 ? 1_200_000 : 1_190_000;
                out.append("{\"type\":\"powermeter\",\"data\":{\"site_power_w\":").append(watts * 288)
                        .append(",\"aggrIntervals\":288}}");
            } else {
                out.append("{\"type\":\"").append(type).append("\",\"data\":{\"hashrate_mhs_5m_sum_aggr\":")
                        .append(day == JUN_1 ? "17280000000000" : "0").append(",\"aggrIntervals\":288}}");
            }
        }
        return out.append("]").toString();
    }

    private static String extData(JsonNode request) {
        String type = request.get("type").asText();
        String key = request.path("query").path("key").asText();
        String ocean = "{\"ts\":" + JUN_1 + ",\"transactions\":[{\"username\":\"site-ocean\",\"id\":1,"
                + "\"satoshis_net_earned\":3000000,\"fees_colected_satoshis\":60000,\"mining_extra\":{\"mining_date\":"
                + JUN_1 / 1000 + "}}]},{\"ts\":" + (JUN_1 + DAY) + ",\"transactions\":[{\"username\":\"site-ocean\","
                + "\"id\":2,\"satoshis_net_earned\":2500000,\"fees_colected_satoshis\":50000,\"mining_extra\":"
                + "{\"mining_date\":" + (JUN_1 + DAY) / 1000 + "}}]}";
        String f2pool = "{\"ts\":" + (JUN_1 + 2 * DAY) + ",\"transactions\":[{\"username\":\"site\",\"id\":3,"
                + "\"changed_balance\":0.02,\"created_at\":" + (JUN_1 + 2 * DAY) / 1000 + "}]}";
        return switch (type + "/" + key) {
            case "minerpool/transactions" -> "[" + ocean + "," + f2pool + "]";
            case "minerpool-f2pool/transactions" -> "[" + f2pool + "]";
            case "mempool/HISTORICAL_PRICES" -> "[{\"ts\":" + JUN_1 + ",\"priceUSD\":100000},{\"ts\":" + (JUN_1 + DAY)
                    + ",\"priceUSD\":105000}]";
            case "mempool/current_price" -> "{\"currentPrice\":110000}";
            case "mempool/HISTORICAL_BLOCKSIZES" -> "[{\"ts\":" + JUN_1 + ",\"blockReward\":322500000,"
                    + "\"blockTotalFees\":10000000,\"blockSize\":1600000}]";
            case "mempool/HISTORICAL_HASHRATE" -> "[{\"ts\":" + JUN_1 + ",\"avgHashrateMHs\":800000000000000}]";
            case "electricity/stats-history" -> "[{\"ts\":" + JUN_1 + ",\"energy_aggr\":{\"active_energy_in_aggr\":30,"
                    + "\"ute_energy_aggr\":29}}]";
            default -> "[]";
        };
    }

    /** Decimals as written: {@code 1200.00} stays {@code 1200.00}. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private TestGateway.Response get(String path) {
        return gateway.get(path, token);
    }

    private JsonNode exact(String path) {
        TestGateway.Response response = get(path);
        assertEquals(200, response.status(), response.body());
        try {
            return EXACT.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode decimal) {
        return decimal.decimalValue().toPlainString();
    }

    @Test
    void theEnergyBalanceOfTheFixedSiteIsExactAndWrittenAsPeopleReadIt() {
        TestGateway.Response response = get("/auth/finance/energy-balance?" + RANGE);
        assertEquals(200, response.status(), response.body());
        assertNull(response.orkFailures(), "an ORK with no data has not failed");
        assertTrue(response.body().contains("\"revenueBTC\":0.03000000,\"revenueUsd\":3000.00,"
                + "\"btcPriceUsd\":100000.00"), "exact amounts keep their decimals: " + response.body());
        JsonNode d1 = exact("/auth/finance/energy-balance?" + RANGE).get("log").get(0);
        assertEquals(JUN_1, d1.get("ts").asLong());
        assertEquals(1_200_000, d1.get("sitePowerW").asLong()); // the day's mean, not its 288-interval sum
        assertEquals(28.8, d1.get("consumptionMWh").asDouble());
        assertEquals("1200.00", text(d1.get("totalCostUsd"))); // (30,000 + 6,000) / 30
        assertEquals(0.04, d1.get("curtailmentRate").asDouble()); // (30 − 28.8) / 30
        assertEquals(0.8, d1.get("powerUtilization").asDouble()); // 1.2 / 1.5 MW
        JsonNode d3 = response.json().get("log").get(2);
        assertTrue(d3.get("sitePowerW").isNull(), "a failed key is a missing day, not a 400 nor a 0");
        assertEquals("current", d3.get("priceSource").asText());
        assertEquals(1, d3.get("coverage").get("costDays").asInt());
    }

    @Test
    void everyReportAnswersItsShapeWithItsDefaultPeriod() {
        Map<String, String> defaults = Map.of("ebitda", "monthly", "cost-summary", "monthly");
        for (String route : ROUTES) {
            TestGateway.Response response = get("/auth/finance/" + route + "?" + RANGE);
            assertEquals(200, response.status(), route + ": " + response.body());
            JsonNode body = response.json();
            assertEquals(defaults.getOrDefault(route, "daily"), body.get("period").asText(), route);
            assertTrue(body.get("log").size() >= 1 && body.get("summary").get("days").asInt() == 3, route + body);
        }
        JsonNode ebitda = exact("/auth/finance/ebitda?" + RANGE);
        assertEquals("June", ebitda.get("log").get(0).get("monthName").asText());
        assertEquals("4225.00", text(ebitda.get("summary").get("ebitdaSellingUsd")));
        JsonNode fees = exact("/auth/finance/subsidy-fees?" + RANGE).get("summary");
        assertEquals("3.12500000", text(fees.get("blockSubsidyBTC")));
        JsonNode hash = exact("/auth/finance/hash-revenue?" + RANGE).get("log").get(0);
        assertEquals("0.00058050", text(hash.get("networkHashPriceBtcPerPhsDay")));
    }

    @Test
    void revenueOfOnePoolAsksForThatPoolsRacks() {
        JsonNode body = exact("/auth/finance/revenue?" + RANGE + "&pool=f2pool&period=monthly");
        assertEquals("minerpool-f2pool", one.lastCall("getWrkExtData").request().get("type").asText());
        assertEquals("0.02000000", text(body.get("summary").get("revenueBTC")));
        assertTrue(body.get("summary").get("feesBTC").isNull(), "F2Pool reports no pool fee");
    }

    @Test
    void storedCostsReachTheNextAnswerThatIsNotCached() {
        assertEquals("3600.00", text(exact("/auth/finance/cost-summary?" + RANGE).get("summary")
                .get("totalCostUsd")));
        gateway.send("POST", "/auth/global/data?type=productionCosts", gateway.adminToken(),
                "{\"data\":{\"year\":2026,\"month\":6,\"energyCost\":60000,\"operationalCost\":6000}}");
        assertEquals("6600.00", text(exact("/auth/finance/cost-summary?" + RANGE + "&overwriteCache=true")
                .get("summary").get("totalCostUsd")));
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersFiguresStand() {
        two.onAnyOther(FakeOrk.unreachable());
        TestGateway.Response response = get("/auth/finance/revenue-summary?" + RANGE);
        assertEquals(200, response.status(), response.body());
        assertEquals("cluster-2=unavailable", response.orkFailures());
        assertEquals(1_200_000, response.json().get("log").get(0).get("sitePowerW").asLong());
    }

    @Test
    void whenNoOrkAnswersAnythingItIs502() {
        one.onAnyOther(FakeOrk.unreachable());
        one.on("tailLogCustomRangeAggr", FakeOrk.unreachable());
        one.on("getWrkExtData", FakeOrk.unreachable());
        two.onAnyOther(FakeOrk.unreachable());
        TestGateway.Response response = get("/auth/finance/revenue?" + RANGE);
        assertEquals(502, response.status(), response.body());
        assertEquals("ERR_ORK_UNAVAILABLE", response.errorCode());
    }

    @Test
    void noDataIsNullsAndZeroCoverageNotZeros() {
        one.on("tailLogCustomRangeAggr", request -> answer("[]"));
        one.on("getWrkExtData", answer("[]"));
        JsonNode body = get("/auth/finance/energy-balance?" + RANGE).json();
        assertEquals(3, body.get("log").size(), "every day of the range is listed");
        JsonNode summary = body.get("summary");
        assertTrue(summary.get("sitePowerW").isNull() && summary.get("revenueBTC").isNull()
                && summary.get("btcPriceUsd").isNull(), summary.toString());
        assertEquals(0, summary.get("coverage").get("powerDays").asInt());
        assertEquals(3, summary.get("coverage").get("costDays").asInt(), "the costs are entered");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "energy-balance  | end=1780444800000                                   | ERR_MISSING_START_END",
            "ebitda          | start=1780272000000                                 | ERR_MISSING_START_END",
            "cost-summary    | start=yesterday&end=1780444800000                   | ERR_MISSING_START_END",
            "subsidy-fees    | start=0&end=1780444800000                           | ERR_MISSING_START_END",
            "revenue         | start=1780444800000&end=1780272000000               | ERR_INVALID_DATE_RANGE",
            "revenue-summary | start=1748736000000&end=1780444800000               | ERR_DATE_RANGE_TOO_LARGE",
            "ebitda          | start=1780272000000&end=1780444800000&period=weekly | ERR_PERIOD_INVALID",
            "subsidy-fees    | start=1780272000000&end=1780444800000&period=yearly | ERR_PERIOD_INVALID",
            "hash-revenue    | start=1780272000000&end=1780444800000&period=hourly | ERR_PERIOD_INVALID",
            "revenue         | start=1780272000000&end=1780444800000&pool=F2Pool   | ERR_POOL_INVALID",
            "revenue         | start=1780272000000&end=1780444800000&overwriteCache=yes | ERR_OVERWRITECACHE_INVALID",
    })
    void badParametersAre400AndReachNoOrk(String route, String query, String code) {
        TestGateway.Response response = get("/auth/finance/" + route + "?" + query);
        assertEquals(400, response.status(), route + " " + query + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void aTokenIsNeededAndEnough() {
        for (String route : ROUTES) {
            assertEquals(401, gateway.get("/auth/finance/" + route + "?" + RANGE, "nonsense").status(), route);
        }
        assertEquals(200, gateway.get("/auth/finance/revenue?" + RANGE, gateway.tokenForRole("field_operator"))
                .status());
    }
}
