package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /auth/downtime/curtailment} and {@code /operationalIssues} over a socket, from scripted ORKs: an
 * electricity worker's daily energy and the site meter's daily aggregates.
 */
class DowntimeRoutesTest extends TwoOrkGatewayTest {

    private static final String JUNE = "startDate=2026-06-01&endDate=2026-06-03&regions=" + q("[]")
            + "&period=daily&groupByRegion=false";
    private static final long JUN_1 = LocalDate.of(2026, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .toEpochMilli();
    private static final long DAY = 86_400_000L;

    private String token;

    @BeforeEach
    void start() {
        token = gateway.tokenForRole("read_only_user");
        // June 1: 48 MWh available, 45 expected, used 1.8 MW all day = 43.2 → curtailed 3, operational issues 1.8
        // June 2: 50 available, 50 expected, used 2.0 MW = 48 → curtailed 0, operational issues 2
        // June 3: the electricity worker knows it, the meter has no data → unknown
        one.on("getWrkExtData", answer("[{\"ts\":" + JUN_1 + ",\"energy_aggr\":{\"active_energy_in_aggr\":48,"
                + "\"ute_energy_aggr\":45}},{\"ts\":" + (JUN_1 + DAY) + ",\"energy_aggr\":{\"active_energy_in_aggr\":50,"
                + "\"ute_energy_aggr\":50}},{\"ts\":" + (JUN_1 + 2 * DAY) + ",\"energy_aggr\":{"
                + "\"active_energy_in_aggr\":49,\"ute_energy_aggr\":47}}]"));
        one.on("tailLogCustomRangeAggr", request -> answer(meter(request, 1_800_000, 2_000_000)));
        two.on("getWrkExtData", answer("[]"));
        two.on("tailLogCustomRangeAggr", request -> answer(meter(request)));
    }

    /** One element per requested key: the day's site power summed over 288 intervals, or no data. */
    private static String meter(JsonNode request, double... meanWatts) {
        StringBuilder out = new StringBuilder("[");
        JsonNode keys = request.get("keys");
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == 0 ? "" : ",");
            out.append(i < meanWatts.length
                    ? "{\"type\":\"powermeter\",\"data\":{\"site_power_w\":" + meanWatts[i] * 288 + ",\"aggrIntervals\":288}}"
                    : "{\"type\":\"powermeter\",\"data\":{}}");
        }
        return out.append("]").toString();
    }

    private TestGateway.Response get(String path) {
        return gateway.get(path, token);
    }

    @Test
    void curtailmentIsTheShareOfTheAvailableEnergyTheSiteWasCurtailedFromPerDayAndOverTheRange() {
        TestGateway.Response response = get("/auth/downtime/curtailment?" + JUNE);
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals("daily", body.get("period").asText());
        JsonNode log = body.get("log");
        assertEquals(3, log.size(), "every day of the range: " + log);
        assertEquals(JUN_1, log.get(0).get("ts").asLong());
        assertEquals(3.0, log.get(0).get("curtailmentMWh").asDouble());
        assertEquals(6.25, log.get(0).get("curtailmentRate").asDouble()); // 3 / 48
        assertEquals(0.0, log.get(1).get("curtailmentRate").asDouble());
        assertTrue(log.get(2).get("curtailmentRate").isNull(), "no meter data: unknown, not zero");
        // the UI's "Curtailment Rate" card: the share of the whole range's energy, 3 / 98
        assertEquals(3.0612, body.get("summary").get("sum").get("curtailmentRate").asDouble());
        assertEquals(3.0, body.get("summary").get("sum").get("curtailmentMWh").asDouble());
        assertEquals(3.125, body.get("summary").get("avg").get("curtailmentRate").asDouble());
        assertEquals(body.get("log"), body.get("data").get("log"));
        assertEquals(0, body.get("regions").size());

        JsonNode issues = get("/auth/downtime/operationalIssues?" + JUNE).json();
        assertEquals(1.8, issues.get("log").get(0).get("operationalIssuesMWh").asDouble());
        assertEquals(3.75, issues.get("log").get(0).get("operationalIssues").asDouble()); // 1.8 / 48
        assertEquals(4.0, issues.get("log").get(1).get("operationalIssues").asDouble()); // 2 / 50
        assertEquals(3.8776, issues.get("summary").get("sum").get("operationalIssues").asDouble()); // 3.8 / 98
    }

    @Test
    void whatTheOrksAreAskedAndThatTheAnswerIsCached() {
        get("/auth/downtime/curtailment?" + JUNE);
        JsonNode ext = one.lastCall("getWrkExtData").request();
        assertEquals("electricity", ext.get("type").asText());
        assertEquals("stats-history", ext.get("query").get("key").asText());
        assertEquals("1D", ext.get("query").get("groupRange").asText());
        assertEquals(JUN_1, ext.get("query").get("start").asLong());
        assertEquals(JUN_1 + 3 * DAY - 1, ext.get("query").get("end").asLong());
        JsonNode keys = one.lastCall("tailLogCustomRangeAggr").request().get("keys");
        assertEquals(3, keys.size(), "one key per day");
        assertEquals("2026-06-02T00:00:00Z", keys.get(1).get("startDate").asText());
        int calls = one.calls("getWrkExtData").size();
        get("/auth/downtime/curtailment?" + JUNE);
        assertEquals(calls, one.calls("getWrkExtData").size(), "served from the cache");
        get("/auth/downtime/curtailment?" + JUNE + "&overwriteCache=true");
        assertEquals(calls + 1, one.calls("getWrkExtData").size());
    }

    @Test
    void monthlyBucketsCarryTheirMonth() {
        JsonNode log = get("/auth/downtime/curtailment?startDate=2026-06-01&endDate=2026-06-03&period=monthly")
                .json().get("log");
        assertEquals(1, log.size());
        assertEquals(6, log.get(0).get("month").asInt());
        assertEquals(2026, log.get(0).get("year").asInt());
        assertEquals("June", log.get(0).get("monthName").asText());
        assertEquals(3.0612, log.get(0).get("curtailmentRate").asDouble());
    }

    @Test
    void regionsSelectThisSiteByNameAndOthersAreEmpty() {
        JsonNode body = get("/auth/downtime/curtailment?startDate=2026-06-01&endDate=2026-06-03&regions="
                + q("[\"TEST-SITE\",\"NORTH\"]") + "&groupByRegion=true").json();
        assertEquals(2, body.get("regions").size());
        assertEquals("TEST-SITE", body.get("regions").get(0).get("region").asText());
        assertEquals(3, body.get("regions").get(0).get("log").size());
        assertEquals(0, body.get("regions").get(1).get("log").size());
        assertTrue(body.get("regions").get(1).get("summary").get("sum").get("curtailmentRate").isNull());
        JsonNode elsewhere = get("/auth/downtime/curtailment?startDate=2026-06-01&endDate=2026-06-03&regions="
                + q("[\"NORTH\"]")).json();
        assertEquals(0, elsewhere.get("log").size());
    }

    @Test
    void aStartAfterTheEndIsAnEmptyAnswerAsOnTheFirstOfAMonth() {
        int calls = one.calls().size();
        TestGateway.Response response = get("/auth/downtime/curtailment?startDate=2026-06-02&endDate=2026-06-01");
        assertEquals(200, response.status());
        assertEquals(0, response.json().get("log").size());
        assertTrue(response.json().get("summary").get("sum").get("curtailmentRate").isNull());
        assertEquals(calls, one.calls().size(), "nothing to ask");
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersAnswerStands() {
        two.on("getWrkExtData", FakeOrk.unreachable());
        TestGateway.Response response = get("/auth/downtime/curtailment?" + JUNE);
        assertEquals(200, response.status());
        assertEquals("cluster-2=unavailable", response.orkFailures());
        assertEquals(6.25, response.json().get("log").get(0).get("curtailmentRate").asDouble());
    }

    @Test
    void whenNoOrkAnswersAnythingItIs502() {
        for (FakeOrk ork : new FakeOrk[]{one, two}) {
            ork.on("getWrkExtData", FakeOrk.unreachable());
            ork.on("tailLogCustomRangeAggr", FakeOrk.unreachable());
        }
        TestGateway.Response response = get("/auth/downtime/operationalIssues?" + JUNE);
        assertEquals(502, response.status(), response.body());
        assertEquals("ERR_ORK_UNAVAILABLE", response.errorCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "endDate=2026-06-03                                   | ERR_START_DATE_INVALID",
            "startDate=2026-06-01                                 | ERR_END_DATE_INVALID",
            "startDate=2026-6-1&endDate=2026-06-03                | ERR_START_DATE_INVALID",
            "startDate=2026-02-30&endDate=2026-06-03              | ERR_START_DATE_INVALID",
            "startDate=2026-06-01&endDate=tomorrow                | ERR_END_DATE_INVALID",
            "startDate=2025-01-01&endDate=2026-06-03              | ERR_DATE_RANGE_TOO_LARGE",
            "startDate=2026-06-01&endDate=2026-06-03&period=yearly | ERR_PERIOD_INVALID",
            "startDate=2026-06-01&endDate=2026-06-03&regions=%5B  | ERR_REGIONS_INVALID_JSON",
            "startDate=2026-06-01&endDate=2026-06-03&regions=%7B%7D | ERR_REGIONS_INVALID_ARRAY",
            "startDate=2026-06-01&endDate=2026-06-03&regions=%5B1%5D | ERR_REGIONS_INVALID",
            "startDate=2026-06-01&endDate=2026-06-03&groupByRegion=maybe | ERR_GROUPBYREGION_INVALID",
    })
    void badParametersAre400AndReachNoOrk(String query, String code) {
        for (String route : new String[]{"curtailment", "operationalIssues"}) {
            TestGateway.Response response = get("/auth/downtime/" + route + "?" + query);
            assertEquals(400, response.status(), route + " " + query + ": " + response.body());
            assertEquals(code, response.errorCode());
        }
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void aTokenIsNeeded() {
        assertEquals(401, gateway.get("/auth/downtime/curtailment?" + JUNE, "nonsense").status());
    }
}
