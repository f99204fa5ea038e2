package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Production costs of one month: {@code {site, year, month, energyCost, operationalCost}} as the shipped UI's cost
 * input writes and reads them, keyed by {@code year * 100 + month} so a key range selects months. A cost is a number
 * of US dollars from 0 to {@link #MAX_COST_USD} (at most 20 decimals), or an object of such numbers (an itemised
 * form); the spellings {@code energyCostsUSD} and {@code operationalCostsUSD} (the multi-site UI's, which the Node
 * analytics fall back to) are checked alike. Further fields are kept as written.
 */
public final class ProductionCosts {

    public static final String INVALID_YEAR = "ERR_INVALID_YEAR";
    public static final String INVALID_MONTH = "ERR_INVALID_MONTH";
    public static final String INVALID_COSTS = "ERR_INVALID_COSTS";
    static final long MAX_YEAR = 9999;
    /** A trillion dollars a month: far above any site, far below what JavaScript reads inexactly. */
    public static final BigDecimal MAX_COST_USD = BigDecimal.TEN.pow(12);
    private static final String[] COSTS = {"energyCost", "operationalCost", "energyCostsUSD",
        "operationalCostsUSD"};

    private ProductionCosts() {
    }

    /** The record key of a month: {@code 2024, 10 → 202410}. */
    public static long keyOf(long year, long month) {
        return year * 100 + month;
    }

    static GlobalRecord record(SiteName site, Map<String, Object> data) {
        String siteSpelling = site.spellingFor(data.get("site"));
        long year = DocumentFields.wholeNumber(data.get("year"), 0, MAX_YEAR, INVALID_YEAR);
        long month = DocumentFields.wholeNumber(data.get("month"), 1, 12, INVALID_MONTH);
        for (String cost : COSTS) {
            if (!isCost(data.get(cost))) {
                throw DomainException.invalid(INVALID_COSTS);
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("site", siteSpelling);
        document.put("year", (int) year); // small whole numbers are Integers, as JSON parsers give them
        document.put("month", (int) month);
        data.forEach(document::putIfAbsent);
        return new GlobalRecord(GlobalDataType.PRODUCTION_COSTS, site.value(), RecordKey.ofNumber(keyOf(year, month)),
                document);
    }

    private static boolean isCost(Object value) {
        if (value == null || isAmount(value)) {
            return true;
        }
        if (value instanceof Map<?, ?> items) {
            return items.values().stream().allMatch(item -> item == null || isAmount(item));
        }
        return false;
    }

    private static boolean isAmount(Object value) {
        return DocumentFields.isNumberWithin(value, BigDecimal.ZERO, MAX_COST_USD);
    }
}
