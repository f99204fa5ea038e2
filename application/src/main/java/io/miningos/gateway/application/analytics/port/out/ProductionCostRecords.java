package io.miningos.gateway.application.analytics.port.out;

import java.util.List;
import java.util.Map;

/**
 * The production costs entered for this site (the {@code productionCosts} records of the gateway's own store,
 * {@code {site, year, month, energyCost, operationalCost}}, one per month), which the finance routes spread over
 * the days of each month. Read when a finance answer is computed, so a cost entered is seen by the next answer
 * that is not served from the cache.
 */
@FunctionalInterface
public interface ProductionCostRecords {

    /** Every record of this site, as stored (plain JSON values), in month order. */
    List<Map<String, Object>> all();

    /** No costs entered (tests, and sites without a store). */
    static ProductionCostRecords none() {
        return List::of;
    }
}
