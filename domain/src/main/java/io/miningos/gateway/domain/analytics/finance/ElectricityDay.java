package io.miningos.gateway.domain.analytics.finance;

/**
 * What the electricity worker says about one UTC day (the gateway's contract with it, see {@link
 * ElectricityAnswers}): the energy the site could have drawn, and the energy it was expected to draw after
 * curtailment. Either may be unknown (null).
 *
 * @param availableMWh energy available to the site that day ({@code energy_aggr.active_energy_in_aggr})
 * @param expectedMWh  energy the site was expected to use, curtailment accounted for
 *                     ({@code energy_aggr.ute_energy_aggr})
 */
public record ElectricityDay(Double availableMWh, Double expectedMWh) {

    ElectricityDay plus(ElectricityDay other) {
        return new ElectricityDay(add(availableMWh, other.availableMWh), add(expectedMWh, other.expectedMWh));
    }

    private static Double add(Double a, Double b) {
        return a == null ? b : b == null ? a : a + b;
    }
}
