package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics routes on the embedded demo site (one simulated ORK holding the whole site, a year of production
 * costs stored): every input is there, and the routes agree with each other and with the raw logs they are
 * computed from (docs/analytics-design.md §6), for a closed UTC day D (yesterday).
 */
class SimulatedSiteAnalyticsTest {

    static final long DAY = 86_400_000L;

    private static final SharedDemo DEMO = SharedDemo.EMBEDDED;
    private static final TestGateway gateway = DEMO.gateway();
    private static final String token = DEMO.adminToken();
    private static long d;

    @BeforeAll
    static void start() {
        d = LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static JsonNode get(String path) {
        return DEMO.get(path);
    }

    private static String day(long start) {
        return "start=" + start + "&end=" + (start + DAY - 1);
    }

    @Test
    void theEnergyBalanceOfAClosedDayHasEveryInput() {
        JsonNode d1 = get("/auth/finance/energy-balance?" + day(d)).get("log").get(0);
        for (String field : new String[]{"sitePowerW", "consumptionMWh", "revenueBTC", "revenueUsd", "btcPriceUsd",
                "totalCostUsd", "profitUsd", "availableEnergyMWh", "curtailmentRate", "operationalIssuesRate",
                "powerUtilization", "energyRevenueUsdPerMW"}) {
            assertTrue(d1.get(field).isNumber(), field + " in " + d1);
        }
        assertEquals("historical", d1.get("priceSource").asText());
        assertTrue(d1.get("availableEnergyMWh").asDouble() >= d1.get("consumptionMWh").asDouble(), d1.toString());
        assertTrue(d1.get("powerUtilization").asDouble() > 0.3 && d1.get("powerUtilization").asDouble() < 1.2,
                d1.toString());
    }

    @Test
    void theFinanceSitePowerOfADayIsTheMeanOfTheMetersFiveMinuteLogThatDay() {
        JsonNode log = get("/auth/tail-log?key=stat-5m&type=powermeter&tag=t-powermeter&" + day(d)
                + "&aggrFields=" + q("{\"site_power_w\":1}")).get(0);
        double sum = 0;
        for (JsonNode entry : log) {
            sum += entry.get("site_power_w").asDouble();
        }
        assertEquals(288, log.size());
        long fromLog = Math.round(sum / log.size());
        JsonNode d1 = get("/auth/finance/energy-balance?" + day(d)).get("log").get(0);
        assertEquals(fromLog, d1.get("sitePowerW").asLong(), 1.0, "the day's mean, not its sum over intervals");
        assertEquals(sum * 5 / 60 / 1e6, d1.get("consumptionMWh").asDouble(), 0.001);
    }

    @Test
    void aMonthsPoolRevenueIsTheSameInTheRevenueReportThePoolsYearlyBalancesAndTheBalanceHistory() {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        long start = month.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        String name = month.getMonthValue() + "-" + month.getYear();
        Map<String, BigDecimal> yearly = new TreeMap<>();
        for (JsonNode pool : get("/auth/pools").get("pools")) {
            for (JsonNode balance : pool.get("yearlyBalances")) {
                if (balance.get("month").asText().equals(name)) {
                    yearly.merge(pool.get("pool").asText(), balance.get("balance").decimalValue(), BigDecimal::add);
                }
            }
        }
        assertEquals(Set.of("f2pool", "ocean"), yearly.keySet(), "both pools earned last month");
        for (Map.Entry<String, BigDecimal> pool : yearly.entrySet()) {
            String range = "start=" + start + "&end=" + end;
            JsonNode revenue = get("/auth/finance/revenue?" + range + "&pool=" + pool.getKey()).get("summary");
            assertEquals(0, pool.getValue().compareTo(revenue.get("revenueBTC").decimalValue()),
                    pool.getKey() + ": " + pool.getValue() + " vs " + revenue);
            JsonNode history = get("/auth/pools/" + pool.getKey() + "/balance-history?" + range + "&range=1M")
                    .get("log");
            assertEquals(1, history.size());
            assertEquals(0, pool.getValue().compareTo(history.get(0).get("cumulativeRevenueBTC").decimalValue()),
                    pool.getKey() + ": " + history);
        }
    }

    @Test
    void theMetricsOfAClosedDayAgreeWithTheFinanceRoutesAndTheLogs() {
        JsonNode consumption = get("/auth/metrics/consumption?" + day(d)).get("log").get(0);
        JsonNode balance = get("/auth/finance/energy-balance?" + day(d)).get("log").get(0);
        assertEquals(balance.get("sitePowerW").asLong(), consumption.get("powerW").asLong());
        assertEquals(balance.get("consumptionMWh").asDouble(), consumption.get("consumptionMWh").asDouble(), 0.001);

        JsonNode log = get("/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&" + day(d) + "&aggrFields="
                + q("{\"hashrate_mhs_5m_sum_aggr\":1,\"power_w_sum_aggr\":1}")).get(0);
        double hashrate = 0;
        double power = 0;
        for (JsonNode entry : log) {
            hashrate += entry.get("hashrate_mhs_5m_sum_aggr").asDouble();
            power += entry.get("power_w_sum_aggr").asDouble();
        }
        assertEquals(288, log.size());
        long mhs = get("/auth/metrics/hashrate?" + day(d)).get("log").get(0).get("hashrateMhs").asLong();
        assertEquals(hashrate / log.size(), mhs, 1.0, "the day's mean of the miners' five-minute log");
        double efficiency = get("/auth/metrics/efficiency?" + day(d)).get("log").get(0).get("efficiencyWThs")
                .asDouble();
        assertEquals(power / hashrate * 1e6, efficiency, 0.01, "the miners' power over their hashrate, W/TH/s");

        // the containers' 3-hourly means add up to about the five-minute means (other samples of the same day)
        JsonNode grouped = get("/auth/metrics/hashrate?" + day(d) + "&groupBy=container").get("log").get(0);
        double sum = 0;
        for (JsonNode group : grouped.get("hashrateMhs")) {
            sum += group.asDouble();
        }
        assertTrue(grouped.get("hashrateMhs").size() > 1, grouped.toString());
        assertEquals(mhs, sum, mhs * 0.05, grouped.toString());
    }

    @Test
    void everyM63IsCountedOncePerPointAndHasATimeline() {
        String range = "start=" + d + "&end=" + (d + DAY - 1);
        Map<Long, Integer> keysAt = new TreeMap<>();
        Set<String> miners = new java.util.TreeSet<>();
        for (JsonNode entry : get("/auth/tail-log?key=stat-3h&type=miner&tag=t-miner&" + range + "&aggrFields="
                + q("{\"power_mode_group_aggr\":1}")).get(0)) {
            keysAt.put(entry.get("ts").asLong(), entry.get("power_mode_group_aggr").size());
            entry.get("power_mode_group_aggr").fieldNames().forEachRemaining(miners::add);
        }
        assertTrue(miners.size() >= 40, "the demo's M63s: " + miners.size());
        JsonNode modes = get("/auth/metrics/power-mode?" + range + "&interval=1h").get("log");
        assertEquals(keysAt.size(), modes.size());
        for (JsonNode point : modes) {
            int counted = 0;
            for (String category : new String[]{"low", "normal", "high", "sleep", "offline", "notMining",
                    "maintenance", "error", "unknown"}) {
                counted += point.get(category).asInt();
            }
            assertEquals(keysAt.get(point.get("ts").asLong()), counted, point.toString());
        }
        JsonNode timeline = get("/auth/metrics/power-mode/timeline?" + range).get("log");
        assertEquals(miners.size(), timeline.size());
        assertTrue(timeline.get(0).get("segments").size() >= 1);
        JsonNode temperature = get("/auth/metrics/temperature?" + range).get("log");
        assertTrue(temperature.get(0).get("siteMaxC").asDouble() > temperature.get(0).get("siteAvgC").asDouble(),
                temperature.toString());
        JsonNode status = get("/auth/metrics/miner-status?" + range).get("log").get(0);
        assertTrue(status.get("online").asDouble() > 0, status.toString());
    }

    @Test
    void aContainersThingsStatsAndHistory() {
        JsonNode containers = get("/auth/list-things?query=" + q("{\"tags\":{\"$in\":[\"t-container\"]}}")
                + "&fields=" + q("{\"info.container\":1}")).get(0);
        String name = containers.get(0).get("info").get("container").asText();
        JsonNode container = get("/auth/metrics/containers/" + name);
        assertTrue(container.get("miners").size() > 0, container.toString());
        assertTrue(container.get("devices").size() > container.get("miners").size(), "its meters and sensors too");
        assertTrue(container.get("telemetry").isObject(), name + ": " + container.get("telemetry"));
        JsonNode history = get("/auth/metrics/containers/" + name + "/history").get("log");
        assertTrue(history.size() > 200, "a day of five-minute points: " + history.size());
    }

    @Test
    void theEnergyForecastTakesTheAvailablePowerAndSettingsWrittenThroughTheGateway() {
        long hour = System.currentTimeMillis() / 3_600_000L * 3_600_000L;
        JsonNode forecast = get("/auth/energy/forecast");
        assertEquals(48, forecast.get("log").size());
        assertTrue(Math.abs(forecast.get("issuedAt").asLong() - hour) <= 3_600_000L, forecast.get("issuedAt").toString());
        assertTrue(forecast.get("log").get(0).get("availablePowerMW").asDouble() > 0, forecast.toString());
        assertEquals(24, get("/auth/energy/forecast/history?" + day(d)).get("log").size(), "a closed day's hours");

        long from = forecast.get("log").get(10).get("ts").asLong();
        TestGateway.Response available = gateway.send("POST", "/auth/energy/available", token,
                "{\"data\":[{\"ts\":" + from + ",\"availablePowerMW\":7.25}]}");
        assertEquals("[{\"success\":true}]", available.body());
        JsonNode after = get("/auth/energy/forecast").get("log");
        assertEquals(7.25, after.get(10).get("availablePowerMW").asDouble(), "from its ts on");
        assertEquals(7.25, after.get(47).get("availablePowerMW").asDouble());
        assertTrue(after.get(9).get("availablePowerMW").asDouble() != 7.25, "not before");

        TestGateway.Response saved = gateway.send("POST", "/auth/energy/forecast/settings", token,
                "{\"miningRevenueTaxFees\":{},\"sellingEnergyTaxFees\":{},\"buyingEnergyTaxFees\":{},"
                        + "\"lcoe\":{\"value\":51},\"siteEfficiency\":{}}");
        assertEquals("[{\"success\":true}]", saved.body());
        assertEquals(51, get("/auth/energy/forecast/settings").get("lcoe").get("value").asInt());
    }
}
