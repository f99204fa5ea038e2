package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.Usd;

/**
 * The production costs attributed to one day: the month's entered costs split evenly over its days. A component
 * that was not entered is null, and so is the total unless both are known (a total of one component would look
 * like the full cost).
 */
public record DailyCost(Usd energy, Usd operational) {

    public Usd total() {
        return energy == null || operational == null ? null : energy.plus(operational);
    }
}
