package io.miningos.gateway.domain.analytics.downtime;

/**
 * One UTC day of the site's energy in MWh: what the grid made available, what the site was expected to use with
 * curtailment accounted for (the electricity worker's {@code ute}), and what it used (its site meter). Any may be
 * unknown (null); a day counts only when all three are known and something was available.
 *
 * <p>The available energy splits into what was used, what was lost to operational issues (expected but not used:
 * miners down, faults) and what was curtailed (available but not expected, because the site was curtailed):
 * {@code curtailed = max(0, available − max(expected, used))}, {@code operationalIssues = max(0, expected − used)}.
 */
public record EnergyDay(long day, Double availableMWh, Double expectedMWh, Double usedMWh) {

    public boolean known() {
        return availableMWh != null && expectedMWh != null && usedMWh != null && availableMWh > 0;
    }

    /** Meaningful only for a {@link #known()} day. */
    public double curtailedMWh() {
        return Math.max(0, availableMWh - Math.max(expectedMWh, usedMWh));
    }

    /** Meaningful only for a {@link #known()} day. */
    public double operationalIssuesMWh() {
        return Math.max(0, expectedMWh - usedMWh);
    }
}
