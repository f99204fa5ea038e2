package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.Sats;

import java.util.Objects;

/**
 * The one block the mempool worker sampled for a day (at UTC midnight): its subsidy and fees, and its size.
 *
 * @param subsidy   block reward without fees
 * @param fees      the block's transaction fees
 * @param sizeBytes its size in bytes, null when not reported
 */
public record BlockSample(Sats subsidy, Sats fees, Long sizeBytes) {

    /** Blocks the network is meant to find per day (one per 10 minutes). */
    public static final int EXPECTED_BLOCKS_PER_DAY = 144;

    public BlockSample {
        Objects.requireNonNull(subsidy, "subsidy");
        Objects.requireNonNull(fees, "fees");
    }

    /** What one block paid its miner: subsidy plus fees. */
    public Sats reward() {
        return subsidy.plus(fees);
    }
}
