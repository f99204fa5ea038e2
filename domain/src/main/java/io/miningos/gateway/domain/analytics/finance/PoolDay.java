package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.Sats;

import java.util.Objects;

/**
 * What the site's pool accounts earned on one UTC day.
 *
 * @param revenue      credited to the accounts (net of pool fees)
 * @param fees         pool fees withheld, or null when no transaction of the day reported them
 * @param hashrate     hashrate the pools credited (summed over accounts), or null when not reported
 * @param transactions how many transactions the day has
 */
public record PoolDay(Sats revenue, Sats fees, Hashrate hashrate, int transactions) {

    public PoolDay {
        Objects.requireNonNull(revenue, "revenue");
    }

    /** Revenue before pool fees: revenue plus fees (null when fees are unknown). */
    public Sats gross() {
        return fees == null ? null : revenue.plus(fees);
    }
}
