package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GlobalRecordTest {

    private static final SiteName SITE = new SiteName("site-01");

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void refused(String code, Executable write) {
        assertEquals(code, assertThrows(DomainException.class, write).code());
    }

    private static GlobalRecord write(GlobalDataType type, Object data) {
        return GlobalRecord.written(type, SITE, data);
    }

    @Test
    void productionCostsAreKeyedByMonthAndKeepTheSeedsFieldsInOrder() {
        GlobalRecord record = write(GlobalDataType.PRODUCTION_COSTS, map("site", "site-01", "year", 2024,
                "month", 10, "energyCostsUSD", new BigDecimal("1000.00"), "operationalCostsUSD",
                new BigDecimal("1000.00")));
        assertEquals(RecordKey.ofNumber(202410), record.key());
        assertEquals("site-01", record.site());
        assertEquals(List.of("site", "year", "month", "energyCostsUSD", "operationalCostsUSD"),
                List.copyOf(record.document().keySet()));
        assertEquals(new BigDecimal("1000.00"), record.document().get("energyCostsUSD"));
    }

    @Test
    void productionCostsGetTheSiteAndWholeNumbersWhenWrittenWithout() {
        GlobalRecord record = write(GlobalDataType.PRODUCTION_COSTS, map("month", new BigDecimal("3.0"),
                "year", new BigInteger("2025"), "energyCostsUSD", map("consumedEnergy", 12.5, "tolls", null),
                "note", "estimated"));
        assertEquals(map("site", "site-01", "year", 2025, "month", 3,
                "energyCostsUSD", map("consumedEnergy", 12.5, "tolls", null), "note", "estimated"), record.document());
        assertEquals(202503, record.key().number());
    }

    @Test
    void yearMustBeAWholeNumberFromZero() {
        for (Object year : new Object[]{null, -1, "2024", 2024.5, new BigDecimal("2024.1"), 10_000, true,
                new BigDecimal("1E+999999999"), new BigDecimal("1E-999999999"), new BigInteger("1").shiftLeft(80)}) {
            refused("ERR_INVALID_YEAR", () -> write(GlobalDataType.PRODUCTION_COSTS, map("year", year, "month", 1)));
        }
        assertEquals(1, write(GlobalDataType.PRODUCTION_COSTS, map("year", 0, "month", 1)).key().number());
    }

    @Test
    void monthMustBeOneToTwelve() {
        for (Object month : new Object[]{null, 0, 13, "10", 1.5}) {
            refused("ERR_INVALID_MONTH",
                    () -> write(GlobalDataType.PRODUCTION_COSTS, map("year", 2024, "month", month)));
        }
        assertEquals(202412, write(GlobalDataType.PRODUCTION_COSTS, map("year", 2024, "month", 12)).key().number());
    }

    @Test
    void costsAreNonNegativeNumbersOrObjectsOfThem() {
        // energyCost/operationalCost: what the shipped UI's cost input writes; the ...USD spellings alike
        for (String field : List.of("energyCost", "operationalCost", "energyCostsUSD", "operationalCostsUSD")) {
            for (Object cost : new Object[]{"1000", -1, new BigDecimal("-0.01"), List.of(1), map("tolls", "5"),
                    map("tolls", -5)}) {
                refused("ERR_INVALID_COSTS", () -> write(GlobalDataType.PRODUCTION_COSTS,
                        map("year", 2024, "month", 1, field, cost)));
            }
        }
        GlobalRecord ui = write(GlobalDataType.PRODUCTION_COSTS, map("month", 1, "year", 2024, "energyCost", 54000,
                "operationalCost", 0));
        assertEquals(List.of("site", "year", "month", "energyCost", "operationalCost"),
                List.copyOf(ui.document().keySet()));
    }

    @Test
    void costsAreFiniteAndAtMostATrillionDollars() {
        for (Object cost : new Object[]{new BigDecimal("1e2147483647"), new BigDecimal("1E+13"),
                new BigDecimal("1000000000000.01"), new BigInteger("9".repeat(40)), Double.POSITIVE_INFINITY, Double.NaN,
                new BigDecimal("1e-2147483647"), new BigDecimal("0E-2147483647"), map("tolls", new BigDecimal("1e400")),
                map("tolls", new BigDecimal("0.000000000000000000001"))}) {
            refused("ERR_INVALID_COSTS", () -> write(GlobalDataType.PRODUCTION_COSTS,
                    map("year", 2024, "month", 1, "energyCostsUSD", cost)));
        }
        for (Object cost : new Object[]{0, new BigDecimal("1E+12"), new BigDecimal("0.30000000000000004"),
                new BigDecimal("1234.56"), 1_000_000_000_000L, map("a", new BigDecimal("0.1"), "b", 0)}) {
            write(GlobalDataType.PRODUCTION_COSTS, map("year", 2024, "month", 1, "energyCostsUSD", cost));
        }
    }

    @Test
    void containerThresholdLevelsAreNumbersFromZeroToAMillion() {
        for (Object level : new Object[]{-1, "x", true, List.of(1), map("v", 1), new BigDecimal("-0.5"),
                new BigDecimal("1e2147483647"), 1_000_001}) {
            refused("ERR_INVALID_THRESHOLDS", () -> write(GlobalDataType.CONTAINER_SETTINGS, map("model", "m",
                    "thresholds", map("waterTemperature", map("criticalLow", 10, "alarmLow", level)))));
        }
        GlobalRecord record = write(GlobalDataType.CONTAINER_SETTINGS, map("model", "m", "thresholds",
                map("oilTemperature", map("criticalLow", 0, "alert", new BigDecimal("42.5"), "normal", null,
                        "criticalHigh", 1_000_000))));
        assertEquals("m", record.key().name());
    }

    @Test
    void everyOtherNumberOfADocumentIsOneTheUiReadsAsItself() {
        for (Object number : new Object[]{new BigDecimal("1e2147483647"), new BigDecimal("-1e16"),
                new BigInteger("10000000000000000"), new BigDecimal("1e-2147483647"), Double.NEGATIVE_INFINITY,
                new BigDecimal("0.123456789012345678901")}) {
            refused("ERR_INVALID_NUMBER", () -> write(GlobalDataType.CONTAINER_SETTINGS,
                    map("model", "m", "parameters", map("startTemp", number))));
            refused("ERR_INVALID_NUMBER", () -> write(GlobalDataType.PRODUCTION_COSTS,
                    map("year", 2024, "month", 1, "note", List.of(map("x", number)))));
        }
        GlobalRecord record = write(GlobalDataType.CONTAINER_SETTINGS, map("model", "m", "parameters",
                map("stopTemp", -5, "runningSpeed", new BigDecimal("999999999999999.5"), "label", "x"),
                "extra", map("ts", 1_718_036_460_000L, "list", List.of(new BigDecimal("0.5")))));
        assertEquals(-5, ((Map<?, ?>) record.document().get("parameters")).get("stopTemp"));
    }

    @Test
    void containerSettingsAreKeyedByModel() {
        Map<String, Object> thresholds = map("waterTemperature", map("criticalLow", 10, "criticalHigh", 50));
        GlobalRecord record = write(GlobalDataType.CONTAINER_SETTINGS, map("model", "MicroBT-D40",
                "parameters", map("startTemp", 25), "thresholds", thresholds));
        assertEquals(RecordKey.ofName("MicroBT-D40"), record.key());
        assertEquals(List.of("site", "model", "parameters", "thresholds"), List.copyOf(record.document().keySet()));
        assertEquals("site-01", record.document().get("site"));
    }

    @Test
    void containerSettingsNeedAModelAndObjectShapedSettings() {
        for (Object model : new Object[]{null, "", "  ", 7, "x".repeat(201), "a\nb"}) {
            refused("ERR_INVALID_MODEL", () -> write(GlobalDataType.CONTAINER_SETTINGS, map("model", model)));
        }
        refused("ERR_INVALID_PARAMETERS", () -> write(GlobalDataType.CONTAINER_SETTINGS,
                map("model", "m", "parameters", List.of())));
        refused("ERR_INVALID_THRESHOLDS", () -> write(GlobalDataType.CONTAINER_SETTINGS,
                map("model", "m", "thresholds", "hot")));
        refused("ERR_INVALID_THRESHOLDS", () -> write(GlobalDataType.CONTAINER_SETTINGS,
                map("model", "m", "thresholds", map("waterTemperature", 40))));
    }

    @Test
    void siteEnergyIsOneDocumentWithANonNegativeThreshold() {
        GlobalRecord record = write(GlobalDataType.SITE_ENERGY,
                map("site", "Site-01", "energyExclusionThresholdMwh", new BigDecimal("100.5")));
        assertEquals(RecordKey.SINGLE, record.key());
        assertEquals(map("site", "Site-01", "energyExclusionThresholdMwh", new BigDecimal("100.5")), record.document());
        refused("ERR_INVALID_THRESHOLD", () -> write(GlobalDataType.SITE_ENERGY,
                map("energyExclusionThresholdMwh", -1)));
        refused("ERR_INVALID_THRESHOLD", () -> write(GlobalDataType.SITE_ENERGY,
                map("energyExclusionThresholdMwh", "100")));
        for (Object threshold : new Object[]{new BigDecimal("1e2147483647"), 1_000_001, Double.NaN}) {
            refused("ERR_INVALID_THRESHOLD", () -> write(GlobalDataType.SITE_ENERGY,
                    map("energyExclusionThresholdMwh", threshold)));
        }
        write(GlobalDataType.SITE_ENERGY, map("energyExclusionThresholdMwh", 1_000_000));
    }

    @Test
    void everyTypeButFeaturesRefusesAnotherSite() {
        refused("ERR_INVALID_SITE", () -> write(GlobalDataType.PRODUCTION_COSTS,
                map("site", "site-02", "year", 2024, "month", 1)));
        refused("ERR_INVALID_SITE", () -> write(GlobalDataType.CONTAINER_SETTINGS, map("site", "other", "model", "m")));
        refused("ERR_INVALID_SITE", () -> write(GlobalDataType.SITE_ENERGY, map("site", 1)));
    }

    @Test
    void featuresAreBooleanFlagsStoredWithoutASiteField() {
        GlobalRecord record = write(GlobalDataType.FEATURES, map("experimentalDashboard", true, "autoScaling", false));
        assertEquals(map("experimentalDashboard", true, "autoScaling", false), record.document());
        assertFalse(record.document().containsKey("site"));
        assertEquals("site-01", record.site());
        refused("ERR_INVALID_FEATURES", () -> write(GlobalDataType.FEATURES, map("flag", "yes")));
        refused("ERR_INVALID_FEATURES", () -> write(GlobalDataType.FEATURES, map("flag", null)));
        refused("ERR_INVALID_FEATURES", () -> write(GlobalDataType.FEATURES, map(" ", true)));
        assertEquals(Map.of(), write(GlobalDataType.FEATURES, map()).document());
    }

    @Test
    void dataThatIsNotAnObjectIsInvalidJson() {
        for (GlobalDataType type : GlobalDataType.values()) {
            for (Object data : new Object[]{null, List.of(), "x", 3}) {
                refused("ERR_INVALID_JSON", () -> write(type, data));
            }
        }
    }

    @Test
    void theDocumentCannotBeChangedAfterwards() {
        Map<String, Object> data = map("flag", true);
        GlobalRecord record = write(GlobalDataType.FEATURES, data);
        data.put("other", false);
        assertEquals(Map.of("flag", true), record.document());
        assertThrows(UnsupportedOperationException.class, () -> record.document().put("x", true));
    }
}
