package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.adapters.ork.sim.SimJson.list;
import static io.miningos.gateway.adapters.ork.sim.SimJson.map;
import static io.miningos.gateway.adapters.ork.sim.SimJson.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The electricity rack (docs/analytics-design.md §6.3): daily energy in the UI's shape ({@code energy.usedEnergy},
 * {@code availableEnergy}) and the gateway's ({@code energy_aggr} MWh) in one record, tied to the site meter's
 * daily store so that consumed ≤ ute ≤ available; the forecast, its history and the stored settings.
 */
class SimElectricityTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:17:31Z"));
    private final long today = clock.millis() - clock.millis() % DAY;
    private final SimOrk ork = ork(null);

    @TempDir
    Path dir;

    private SimOrk ork(StateFile state) {
        return new SimOrk(SimOptions.parse("c", Map.of("seed", 4, "miners", 60, "persist", state != null)), clock,
                state);
    }

    private List<Object> read(SimOrk o, Map<String, Object> query) {
        return list(o.handle("getWrkExtData", Map.of("type", "electricity", "query", query)));
    }

    private List<Object> history(long start, long end, String groupRange) {
        return read(ork, Map.of("key", "stats-history", "start", start, "end", end, "groupRange", groupRange,
                "dataInterval", "1h"));
    }

    private double nominalMw() {
        return num(map(ork.handle("getGlobalConfig", Map.of())).get("nominalAvailablePowerMWh"));
    }

    /** The site meter's mean power of one day, as the range aggregate gives it. */
    private double meterMeanW(long day) {
        String text = Instant.ofEpochMilli(day).toString();
        Map<String, Object> data = map(map(list(ork.handle("tailLogCustomRangeAggr", Map.of("keys", List.of(Map.of(
                "type", "powermeter", "startDate", text, "endDate", text))))).get(0)).get("data"));
        return num(data.get("site_power_w")) / num(data.get("aggrIntervals"));
    }

    @Test
    void dailyRecordsCarryTheUisAndTheGatewaysFieldsAndAgreeWithTheSiteMeter() {
        List<Object> days = history(today - 5 * DAY, today + DAY - 1, "1D");
        assertEquals(5, days.size(), "closed days only; today is not over");
        for (int i = 0; i < days.size(); i++) {
            Map<String, Object> d = map(days.get(i));
            long ts = today - (5 - i) * DAY;
            assertEquals(List.of("ts", "energy", "energy_aggr"), List.copyOf(d.keySet()));
            assertEquals(ts, ((Number) d.get("ts")).longValue());
            Map<String, Object> energy = map(d.get("energy"));
            assertEquals(List.of("usedEnergy", "availableEnergy", "label", "count", "ts"),
                    List.copyOf(energy.keySet()));
            assertEquals(24L, ((Number) energy.get("count")).longValue(), "hours");
            assertEquals(ts, ((Number) energy.get("ts")).longValue());
            double usedW = num(energy.get("usedEnergy"));
            assertEquals(meterMeanW(ts), usedW, 1, "usedEnergy is the day's mean site power in W");
            Map<String, Object> aggr = map(d.get("energy_aggr"));
            double consumed = usedW * 24 / 1e6;
            double ute = num(aggr.get("ute_energy_aggr"));
            double available = num(aggr.get("active_energy_in_aggr"));
            assertTrue(consumed <= ute + 1e-4 && ute <= available, consumed + " ≤ " + ute + " ≤ " + available
                    + " MWh");
            assertTrue(ute < consumed * 1.03, "operational shortfall of a few percent");
            assertEquals(available, num(energy.get("availableEnergy")) * 24 / 1e6, 1e-4,
                    "availableEnergy is the offer's mean power in W");
            assertTrue(available >= nominalMw() * 24 - 1e-6, "the grid offers at least the nominal availability");
        }
    }

    @Test
    void seededSurplusDaysOfferMoreThanTheSiteCouldTake() {
        List<Object> days = history(today - 90 * DAY, today, "1D");
        assertEquals(90, days.size());
        double nominalDay = nominalMw() * 24;
        long surplus = days.stream().filter(o -> num(map(map(o).get("energy_aggr")).get("active_energy_in_aggr"))
                > nominalDay * 1.01).count();
        assertTrue(surplus >= 5 && surplus <= 30, surplus + " surplus days of 90");
        for (Object o : days) {
            Map<String, Object> aggr = map(map(o).get("energy_aggr"));
            double consumed = num(map(map(o).get("energy")).get("usedEnergy")) * 24 / 1e6;
            assertTrue(num(aggr.get("active_energy_in_aggr")) - consumed > 0, "curtailed energy is positive");
        }
    }

    @Test
    void monthlyGroupsSumTheirDays() {
        long may1 = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
        long apr1 = Instant.parse("2026-04-01T00:00:00Z").toEpochMilli();
        List<Object> months = history(apr1, clock.millis(), "1M");
        assertEquals(2, months.size());
        List<Object> mayDays = history(may1, clock.millis(), "1D");
        Map<String, Object> may = map(months.get(1));
        assertEquals(may1, ((Number) may.get("ts")).longValue());
        assertEquals(24L * mayDays.size(), ((Number) map(may.get("energy")).get("count")).longValue());
        double sum = mayDays.stream().mapToDouble(o -> num(map(map(o).get("energy_aggr")).get("ute_energy_aggr")))
                .sum();
        assertEquals(sum, num(map(may.get("energy_aggr")).get("ute_energy_aggr")), 1e-4);
        double meanUsed = mayDays.stream().mapToDouble(o -> num(map(map(o).get("energy")).get("usedEnergy")))
                .average().orElseThrow();
        assertEquals(meanUsed, num(map(may.get("energy")).get("usedEnergy")), 1, "mean power over the month");
    }

    @Test
    void rangesWithoutBoundsOrOutsideTheSitesLifeGiveNothing() {
        assertEquals(List.of(), read(ork, Map.of("key", "stats-history", "groupRange", "1D")));
        assertEquals(List.of(), read(ork, Map.of("key", "stats-history", "start", today - DAY, "end", today)));
        assertEquals(List.of(), history(today - 3 * DAY, today, "1W"), "the worker groups by 1D or 1M only");
        assertEquals(List.of(), history(today, today + 30 * DAY, "1D"), "no future days");
        assertEquals(List.of(), history(0, Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(), "1D"));
        assertEquals(List.of(), history(Long.MIN_VALUE, Long.MIN_VALUE, "1D"));
        assertEquals(List.of(), read(ork, Map.of("key", "no-such-key")));
        assertEquals(history(today - 3 * DAY, today, "1D"), history(today - 3 * DAY, today, "1D"));
    }

    @Test
    void theForecastCoversTheNext48HoursAndTakesTheStoredAvailableEnergy() {
        Map<String, Object> forecast = map(read(ork, Map.of("key", "forecast")).get(0));
        long hour = clock.millis() - clock.millis() % HOUR;
        assertEquals(hour, ((Number) forecast.get("ts")).longValue());
        List<Object> points = list(forecast.get("points"));
        assertEquals(48, points.size());
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> p = map(points.get(i));
            assertEquals(List.of("ts", "availablePowerMW", "priceUSDPerMWh"), List.copyOf(p.keySet()));
            assertEquals(hour + i * HOUR, ((Number) p.get("ts")).longValue());
            assertTrue(num(p.get("availablePowerMW")) > 0.5 * nominalMw());
            assertTrue(num(p.get("priceUSDPerMWh")) > 0 && num(p.get("priceUSDPerMWh")) < 500);
        }
        assertEquals(Map.of("success", true), ork.handle("setWrkExtData", Map.of("type", "electricity",
                "key", "availableEnergy", "value", List.of(Map.of("ts", hour + 10 * HOUR, "availableMw", 1.25)))));
        List<Object> after = list(map(read(ork, Map.of("key", "forecast")).get(0)).get("points"));
        assertEquals(map(points.get(9)).get("availablePowerMW"), map(after.get(9)).get("availablePowerMW"));
        assertEquals(1.25, num(map(after.get(10)).get("availablePowerMW")));
        assertEquals(1.25, num(map(after.get(47)).get("availablePowerMW")), "a point holds until the next one");
        assertEquals(List.of(Map.of("ts", hour + 10 * HOUR, "availableMw", 1.25)),
                read(ork, Map.of("key", "availableEnergy")));
    }

    @Test
    void forecastHistoryComparesForecastAndActualHourByHour() {
        long start = today - DAY;
        List<Object> points = read(ork, Map.of("key", "forecastHistory", "start", start, "end", today - 1));
        assertEquals(24, points.size());
        for (Object o : points) {
            Map<String, Object> p = map(o);
            assertEquals(List.of("ts", "forecastPowerMW", "actualPowerMW", "forecastPriceUSDPerMWh",
                    "actualPriceUSDPerMWh"), List.copyOf(p.keySet()));
            assertTrue(num(p.get("actualPowerMW")) >= nominalMw() - 1e-3);
            assertEquals(num(p.get("actualPowerMW")), num(p.get("forecastPowerMW")), 0.2 * num(p.get(
                    "actualPowerMW")));
        }
        // the Node gateway sends start/end beside the query (API-NEXT-analytics G2)
        assertEquals(points, list(ork.handle("getWrkExtData", Map.of("type", "electricity", "query",
                Map.of("key", "forecastHistory"), "start", start, "end", today - 1))));
        assertEquals(List.of(), read(ork, Map.of("key", "forecastHistory", "start", clock.millis() + HOUR,
                "end", clock.millis() + 5 * HOUR)), "only hours that are past");
        assertTrue(read(ork, Map.of("key", "forecastHistory", "start", 0, "end", clock.millis())).size() <= 24 * 400);
    }

    @Test
    void forecastSettingsAreStoredPersistedAndBadWritesChangeNothing() {
        Map<String, Object> defaults = map(read(ork, Map.of("key", "forecastSettings")).get(0));
        assertEquals(List.of("miningRevenueTaxFees", "sellingEnergyTaxFees", "buyingEnergyTaxFees", "lcoe",
                "siteEfficiency"), List.copyOf(defaults.keySet()));
        defaults.values().forEach(v -> assertEquals(Map.of(), v));

        StateFile state = new StateFile(dir.resolve("e.json"), new ObjectMapper());
        SimOrk persisted = ork(state);
        Map<String, Object> settings = Map.of("lcoe", Map.of("value", 41.5), "siteEfficiency", Map.of("pct", 97));
        assertEquals(Map.of("success", true), persisted.handle("setWrkExtData", Map.of("type", "electricity",
                "key", "forecastSettings", "value", settings)));
        assertEquals("ERR_VALUE_INVALID", code(() -> persisted.handle("setWrkExtData", Map.of("type",
                "electricity", "key", "forecastSettings", "value", List.of(1)))));
        assertEquals("ERR_VALUE_INVALID", code(() -> persisted.handle("setWrkExtData", Map.of("type",
                "electricity", "key", "availableEnergy", "value", List.of(Map.of("ts", 1, "availableMw", -2))))));
        assertEquals("ERR_KEY_INVALID", code(() -> persisted.handle("setWrkExtData", Map.of("type",
                "electricity", "key", "stats-history", "value", Map.of()))));
        assertEquals("ERR_KEY_INVALID", code(() -> persisted.handle("setWrkExtData", Map.of("type", "mempool",
                "key", "x", "value", Map.of()))));
        assertEquals("ERR_RACK_NOTFOUND", code(() -> persisted.handle("setWrkExtData", Map.of("type", "miner",
                "key", "forecastSettings", "value", Map.of()))));
        assertEquals("ERR_TYPE_INVALID", code(() -> persisted.handle("setWrkExtData", Map.of("key", "x"))));
        assertEquals(settings, map(read(persisted, Map.of("key", "forecastSettings")).get(0)));
        assertEquals(settings, map(read(ork(state), Map.of("key", "forecastSettings")).get(0)),
                "kept across a restart");
    }

    private static String code(Runnable r) {
        return assertThrows(OrkError.class, r::run).code();
    }
}
