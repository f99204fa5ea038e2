package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site, device and pool-config routes on the embedded demo site agree with each other and with the raw logs
 * (docs/analytics-design.md §6.5): the live site power is the power meters' real-time value, the power chart's
 * points of a closed day average to that day's consumption in the metrics and finance routes, the overview's racks
 * are the explorer's, and the pool-config counts match the things.
 */
class SimulatedSiteLiveTest {

    static final long DAY = 86_400_000L;

    private static final SharedDemo DEMO = SharedDemo.EMBEDDED;
    private static long d;

    @BeforeAll
    static void start() {
        d = LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static JsonNode get(String path) {
        return DEMO.get(path);
    }

    /** The power meters' real-time {@code site_power_w}, read anew. */
    private static long metersNow() {
        JsonNode rtd = get("/auth/tail-log/multi?keys=" + q("[{\"key\":\"stat-rtd\",\"type\":\"powermeter\","
                + "\"tag\":\"t-powermeter\"}]") + "&limit=1&aggrFields=" + q("{\"site_power_w\":1}")
                + "&overwriteCache=true");
        return Math.round(rtd.get(0).get(0).get(0).get("site_power_w").asDouble());
    }

    @Test
    void theLiveSitePowerIsTheMetersRealTimeValueAndThePowerChartsCurrentValue() {
        // the meters are sampled every few seconds: compare the routes with the raw value read before and after
        // them, on a try where it did not move in between
        JsonNode live = null;
        for (int attempt = 0; attempt < 20 && live == null; attempt++) {
            long before = metersNow();
            JsonNode status = get("/auth/site/status/live?overwriteCache=true");
            long now = System.currentTimeMillis();
            JsonNode chart = get("/auth/site/power-consumption?tag=t-powermeter&start=" + (now - 3_600_000) + "&end="
                    + now + "&overwriteCache=true");
            if (before == metersNow()) {
                assertTrue(before > 0);
                assertEquals(before, status.get("power").get("valueW").asLong(), "the meters' site_power_w");
                assertEquals(before, chart.get("summary").get("currentW").asLong());
                assertTrue(chart.get("log").size() >= 11, "an hour of five-minute points: " + chart.get("log"));
                live = status;
            }
        }
        assertTrue(live != null, "the meters' value never held still over four reads");
        JsonNode hashrate = live.get("hashrate");
        assertTrue(hashrate.get("utilizationPct").asDouble() > 50, live.toString());
        assertTrue(live.get("power").get("utilizationPct").isNumber(), "the global config's nominal power");
        assertEquals(Math.round(live.get("power").get("valueW").asDouble() / (hashrate.get("valueMhs").asDouble() / 1e6)
                * 100) / 100.0, live.get("efficiencyWThs").asDouble(), 0.011);
        assertTrue(live.get("miners").get("total").asLong() > 100, live.toString());
        assertTrue(live.get("pools").get("totalHashrateMhs").asLong() > 0, live.toString());
    }

    @Test
    void aClosedDaysPowerChartAveragesToItsConsumptionInTheMetricsAndFinanceRoutes() {
        String day = "start=" + d + "&end=" + (d + DAY - 1);
        JsonNode chart = get("/auth/site/power-consumption?tag=t-powermeter&interval=5m&" + day);
        assertEquals(288, chart.get("log").size());
        double sum = 0;
        for (JsonNode point : chart.get("log")) {
            sum += point.get("valueW").asDouble();
        }
        long mean = Math.round(sum / 288);
        assertEquals(mean, chart.get("summary").get("avgW").asLong(), 1.0);
        JsonNode consumption = get("/auth/metrics/consumption?" + day).get("log").get(0);
        assertEquals(mean, consumption.get("powerW").asLong(), 144.0, "288 points rounded to whole watts");
        JsonNode balance = get("/auth/finance/energy-balance?" + day).get("log").get(0);
        assertEquals(consumption.get("powerW").asLong(), balance.get("sitePowerW").asLong());
    }

    @Test
    void theOverviewsRacksAreTheExplorersAndTheMinerStatesAddUp() {
        JsonNode groups = get("/auth/site/overview/groups").get("groups");
        assertTrue(groups.size() > 1, groups.toString());
        int racks = 0;
        double rackPhs = 0;
        long counted = 0;
        for (JsonNode group : groups) {
            racks += group.get("racks").size();
            for (JsonNode rack : group.get("racks")) {
                rackPhs += rack.get("hashrate").get("value").asDouble();
            }
            counted += group.get("status").get("total").asLong();
        }
        JsonNode explorer = get("/auth/explorer/racks?limit=100");
        assertEquals(racks, explorer.get("totalCount").asInt());
        double explorerPhs = 0;
        for (JsonNode rack : explorer.get("data")) {
            explorerPhs += rack.get("hashrate").get("value").asDouble();
        }
        assertEquals(rackPhs, explorerPhs, 0.01 * racks);
        String first = explorer.get("data").get(0).get("id").asText();
        JsonNode stats = get("/auth/miners/groups/stats?racks=" + first).get("data").get(0);
        assertEquals(explorer.get("data").get(0).toString(), stats.toString());
        long miners = get("/auth/miners?limit=1").get("totalCount").asLong();
        assertTrue(miners > 100, "the demo's miners: " + miners);
        assertEquals(miners, counted, miners * 0.02, "every miner in one state of its container");
    }

    @Test
    void thePoolConfigCountsMatchTheThings() {
        JsonNode configs = get("/auth/configs/pool");
        assertTrue(configs.size() >= 3, configs.toString());
        long containers = 0;
        long miners = 0;
        for (JsonNode config : configs) {
            containers += config.get("containers").asLong();
            miners += config.get("miners").asLong();
        }
        JsonNode overrides = get("/auth/pools/stats/containers");
        assertEquals(get("/auth/containers").get("total").asInt(), overrides.size());
        assertTrue(containers > 0 && containers <= overrides.size(), containers + " of " + overrides.size());
        assertTrue(miners > 0);
        long overridden = 0;
        String container = null;
        for (JsonNode c : overrides) {
            overridden += c.get("overriddenConfig").asLong();
            if (c.get("overriddenConfig").asLong() > 0) {
                container = c.get("container").asText();
            }
        }
        assertTrue(overridden > 0, "a few miners use another config than their container's: " + overrides);
        JsonNode thing = get("/auth/containers?filter=" + q("{\"info.container\":\"" + container + "\"}"))
                .get("containers").get(0);
        JsonNode config = get("/auth/pools/config/" + thing.get("id").asText());
        assertEquals(thing.get("info").get("poolConfig").asText(), config.get("poolConfig").asText());
        assertTrue(config.get("overriddenConfig").asLong() > 0, config.toString());
        JsonNode firmwares = get("/auth/list-firmwares");
        assertTrue(firmwares.size() >= 2, firmwares.toString());
        assertTrue(get("/auth/cabinets").get("total").asInt() >= 1);
    }
}
