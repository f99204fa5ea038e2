package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Period;

import java.util.EnumSet;
import java.util.Set;

import static io.miningos.gateway.domain.analytics.Period.DAILY;
import static io.miningos.gateway.domain.analytics.Period.MONTHLY;
import static io.miningos.gateway.domain.analytics.Period.WEEKLY;
import static io.miningos.gateway.domain.analytics.Period.YEARLY;

/**
 * The finance routes (docs/analytics-design.md §4.1): each a selection of the same daily figures over a range,
 * bucketed by a {@code period} of its own set (default as the Node gateway's).
 */
public enum FinanceReport {
    /** Power, energy, revenue, costs, curtailment and utilisation. */
    ENERGY_BALANCE("/auth/finance/energy-balance", EnumSet.allOf(Period.class), DAILY),
    /** Revenue, costs, EBITDA selling and HODL, BTC production cost. */
    EBITDA("/auth/finance/ebitda", EnumSet.of(DAILY, MONTHLY, YEARLY), MONTHLY),
    /** Costs and costs per MWh. */
    COST_SUMMARY("/auth/finance/cost-summary", EnumSet.of(DAILY, MONTHLY, YEARLY), MONTHLY),
    /** The network's block subsidy, fees and block size. */
    SUBSIDY_FEES("/auth/finance/subsidy-fees", EnumSet.of(DAILY, WEEKLY, MONTHLY), DAILY),
    /** Pool revenue and pool fees, all pools or one. */
    REVENUE("/auth/finance/revenue", EnumSet.allOf(Period.class), DAILY),
    /** Everything of the others in one series. */
    REVENUE_SUMMARY("/auth/finance/revenue-summary", EnumSet.of(DAILY, MONTHLY, YEARLY), DAILY),
    /** Revenue and cost per PH/s and day, the network's hash price. */
    HASH_REVENUE("/auth/finance/hash-revenue", EnumSet.of(DAILY, MONTHLY, YEARLY), DAILY);

    private final String route;
    private final Set<Period> periods;
    private final Period defaultPeriod;

    FinanceReport(String route, Set<Period> periods, Period defaultPeriod) {
        this.route = route;
        this.periods = Set.copyOf(periods);
        this.defaultPeriod = defaultPeriod;
    }

    /** The route's path, also its cache route ({@code cacheTiming} key). */
    public String route() {
        return route;
    }

    public Set<Period> periods() {
        return periods;
    }

    public Period defaultPeriod() {
        return defaultPeriod;
    }
}
