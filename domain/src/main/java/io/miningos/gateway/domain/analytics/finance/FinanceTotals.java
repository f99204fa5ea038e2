package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.BtcPrice;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.Usd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Adds days up into one bucket's {@link FinanceFigures} (see its rules). Not thread-safe; one per bucket. */
final class FinanceTotals {

    private static final MathContext PRECISE = new MathContext(34, RoundingMode.HALF_EVEN);

    /** A sum that is null until something is added. */
    private static final class Total {
        BigDecimal sum;
        int count;

        void add(BigDecimal v) {
            sum = sum == null ? v : sum.add(v);
            count++;
        }

        void add(double v) {
            add(BigDecimal.valueOf(v));
        }

        Double asDouble(int places) {
            return sum == null ? null : Rounding.places(sum.doubleValue(), places);
        }

        Double meanAsDouble(int places) {
            return sum == null ? null : Rounding.places(sum.doubleValue() / count, places);
        }

        BigDecimal cents() {
            return sum == null ? null : new Usd(sum).toCents();
        }

        BigDecimal meanCents() {
            return sum == null ? null : sum.divide(BigDecimal.valueOf(count), PRECISE).setScale(2, RoundingMode.HALF_EVEN);
        }

        BigDecimal btc() {
            return sum == null ? null : sum.setScale(0, RoundingMode.HALF_EVEN).movePointLeft(8).setScale(8);
        }

        BigDecimal meanBtc() {
            return sum == null ? null : sum.divide(BigDecimal.valueOf(count), PRECISE).movePointLeft(8)
                    .setScale(8, RoundingMode.HALF_EVEN);
        }

        Long whole() {
            return sum == null ? null : sum.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }

    /** Numerator and denominator summed over the days where both are known. */
    private static final class Ratio {
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;

        void add(BigDecimal n, BigDecimal d) {
            num = num.add(n);
            den = den.add(d);
        }

        void add(double n, double d) {
            add(BigDecimal.valueOf(n), BigDecimal.valueOf(d));
        }

        BigDecimal usd() {
            return new Usd(num).per(den);
        }

        /** Numerator in satoshis, shown as BTC per unit with 8 decimals. */
        BigDecimal btc() {
            return den.signum() <= 0 ? null : num.movePointLeft(8).divide(den, PRECISE).setScale(8, RoundingMode.HALF_EVEN);
        }

        Double rate() {
            return den.signum() <= 0 ? null : Rounding.places(num.divide(den, PRECISE).doubleValue(), 4);
        }
    }

    /** A sum over days per the mean site power (MW) of the same days: what a bucket earned per MW it drew. */
    private static final class PerMeanMW {
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal mw = BigDecimal.ZERO;
        int count;

        void add(BigDecimal n, double powerMW) {
            num = num.add(n);
            mw = mw.add(BigDecimal.valueOf(powerMW));
            count++;
        }

        private BigDecimal meanMW() {
            return count == 0 || mw.signum() <= 0 ? null : mw.divide(BigDecimal.valueOf(count), PRECISE);
        }

        BigDecimal usd() {
            return new Usd(num).per(meanMW());
        }

        /** Numerator in satoshis, shown as BTC per MW with 8 decimals. */
        BigDecimal btc() {
            BigDecimal mean = meanMW();
            return mean == null ? null : num.movePointLeft(8).divide(mean, PRECISE).setScale(8, RoundingMode.HALF_EVEN);
        }
    }

    private final long ts;
    private int days;
    private final Total powerW = new Total();
    private final Total energyMWh = new Total();
    private final Total nominalMW = new Total();
    private final Ratio utilization = new Ratio();
    private final Total availableMWh = new Total();
    private final Total expectedMWh = new Total();
    private final Total curtailmentMWh = new Total();
    private final Ratio curtailmentRate = new Ratio();
    private final Ratio issuesRate = new Ratio();
    private final Total hashrateMhs = new Total();
    private final Total networkMhs = new Total();
    private final Ratio hashRevenueBtc = new Ratio();
    private final Ratio hashRevenueUsd = new Ratio();
    private final Ratio hashCostUsd = new Ratio();
    private final Total networkPriceSats = new Total();
    private final Total networkPriceUsd = new Total();
    private final Total revenueSats = new Total();
    private final Total feesSats = new Total();
    private final Total grossSats = new Total();
    private final Total priceUsd = new Total();
    private int historicalPrices;
    private int currentPrices;
    private final Total revenueUsd = new Total();
    private final Total feesUsd = new Total();
    private final Ratio revenuePerMWh = new Ratio();
    private final PerMeanMW revenueBtcPerMW = new PerMeanMW();
    private final PerMeanMW revenueUsdPerMW = new PerMeanMW();
    private final Total energyCost = new Total();
    private final Total operationalCost = new Total();
    private final Total totalCost = new Total();
    private final Total ebitdaSelling = new Total();
    private final Total ebitdaHodl = new Total();
    private final Ratio productionCost = new Ratio();
    private final Ratio allInPerMWh = new Ratio();
    private final Ratio energyCostPerMWh = new Ratio();
    private final Ratio operationalCostPerMWh = new Ratio();
    private final Total blockSubsidy = new Total();
    private final Total blockFees = new Total();
    private final Total blockSize = new Total();
    private int costDays;
    private int electricityDays;

    FinanceTotals(long ts) {
        this.ts = ts;
    }

    void add(DayInputs d) {
        days++;
        Double energy = null;
        if (d.sitePower() != null) {
            powerW.add(d.sitePower().mean());
            energy = d.sitePower().energyMWh();
            energyMWh.add(energy);
        }
        addPower(d);
        addElectricity(d, energy);
        double phs = 0;
        if (d.hashrate() != null) {
            hashrateMhs.add(d.hashrate().mean());
            phs = d.hashrate().mean() / 1e9;
        }
        BtcPrice price = d.price() == null ? null : d.price().price();
        if (price != null) {
            priceUsd.add(price.usdPerBtc());
            if (d.price().source() == PriceQuote.Source.HISTORICAL) {
                historicalPrices++;
            } else {
                currentPrices++;
            }
        }
        Usd revenue = null;
        if (d.pool() != null) {
            Sats sats = d.pool().revenue();
            revenueSats.add(BigDecimal.valueOf(sats.value()));
            if (d.pool().fees() != null) {
                feesSats.add(BigDecimal.valueOf(d.pool().fees().value()));
                grossSats.add(BigDecimal.valueOf(d.pool().gross().value()));
                if (price != null) {
                    feesUsd.add(price.valueOf(d.pool().fees()).amount());
                }
            }
            if (price != null) {
                revenue = price.valueOf(sats);
                revenueUsd.add(revenue.amount());
            }
            if (phs > 0) {
                hashRevenueBtc.add(BigDecimal.valueOf(sats.value()), BigDecimal.valueOf(phs));
                if (revenue != null) {
                    hashRevenueUsd.add(revenue.amount(), BigDecimal.valueOf(phs));
                }
            }
        }
        if (revenue != null && energy != null && energy > 0) {
            revenuePerMWh.add(revenue.amount(), BigDecimal.valueOf(energy));
        }
        if (d.pool() != null && d.sitePower() != null) {
            double mw = d.sitePower().mean() / 1e6;
            revenueBtcPerMW.add(BigDecimal.valueOf(d.pool().revenue().value()), mw);
            if (revenue != null) {
                revenueUsdPerMW.add(revenue.amount(), mw);
            }
        }
        addCosts(d, energy, revenue, phs);
        addNetwork(d, price);
    }

    private void addPower(DayInputs d) {
        if (d.nominalPowerMW() != null && d.nominalPowerMW() > 0) {
            nominalMW.add(d.nominalPowerMW());
            if (d.sitePower() != null) {
                utilization.add(d.sitePower().mean() / 1e6, d.nominalPowerMW());
            }
        }
    }

    private void addElectricity(DayInputs d, Double energy) {
        if (d.electricity() == null) {
            return;
        }
        electricityDays++;
        Double available = d.electricity().availableMWh();
        Double expected = d.electricity().expectedMWh();
        if (available != null) {
            availableMWh.add(available);
        }
        if (expected != null) {
            expectedMWh.add(expected);
        }
        if (energy == null) {
            return;
        }
        if (available != null) {
            curtailmentMWh.add(available - energy);
            curtailmentRate.add(available - energy, available);
        }
        if (expected != null) {
            issuesRate.add(expected - energy, expected);
        }
    }

    private void addCosts(DayInputs d, Double energy, Usd revenue, double phs) {
        DailyCost cost = d.cost();
        if (cost == null) {
            return;
        }
        costDays++;
        boolean consumed = energy != null && energy > 0;
        if (cost.energy() != null) {
            energyCost.add(cost.energy().amount());
            if (consumed) {
                energyCostPerMWh.add(cost.energy().amount(), BigDecimal.valueOf(energy));
            }
        }
        if (cost.operational() != null) {
            operationalCost.add(cost.operational().amount());
            if (consumed) {
                operationalCostPerMWh.add(cost.operational().amount(), BigDecimal.valueOf(energy));
            }
        }
        Usd total = cost.total();
        if (total == null) {
            return;
        }
        totalCost.add(total.amount());
        if (consumed) {
            allInPerMWh.add(total.amount(), BigDecimal.valueOf(energy));
        }
        if (phs > 0) {
            hashCostUsd.add(total.amount(), BigDecimal.valueOf(phs));
        }
        if (d.pool() != null) {
            if (revenue != null) {
                ebitdaSelling.add(revenue.minus(total).amount());
            }
            if (d.currentPrice() != null) {
                ebitdaHodl.add(d.currentPrice().valueOf(d.pool().revenue()).minus(total).amount());
            }
            if (!d.pool().revenue().isZero()) {
                productionCost.add(total.amount(), d.pool().revenue().toBtc());
            }
        }
    }

    private void addNetwork(DayInputs d, BtcPrice price) {
        BlockSample block = d.block();
        if (block != null) {
            blockSubsidy.add(BigDecimal.valueOf(block.subsidy().value()));
            blockFees.add(BigDecimal.valueOf(block.fees().value()));
            if (block.sizeBytes() != null) {
                blockSize.add(BigDecimal.valueOf(block.sizeBytes()));
            }
        }
        if (d.networkHashrate() == null) {
            return;
        }
        networkMhs.add(d.networkHashrate().mhs());
        double networkPhs = d.networkHashrate().phs();
        if (block != null && networkPhs > 0) {
            BigDecimal satsPerPhDay = BigDecimal.valueOf(block.reward().value())
                    .multiply(BigDecimal.valueOf(BlockSample.EXPECTED_BLOCKS_PER_DAY))
                    .divide(BigDecimal.valueOf(networkPhs), PRECISE);
            networkPriceSats.add(satsPerPhDay);
            if (price != null) {
                networkPriceUsd.add(satsPerPhDay.movePointLeft(8).multiply(price.usdPerBtc()));
            }
        }
    }

    FinanceFigures figures() {
        FinanceFigures.Energy energy = new FinanceFigures.Energy(powerW.meanAsDouble(0), energyMWh.asDouble(3),
                nominalMW.meanAsDouble(3), utilization.rate(), availableMWh.asDouble(3), expectedMWh.asDouble(3),
                curtailmentMWh.asDouble(3), curtailmentRate.rate(), issuesRate.rate());
        FinanceFigures.Mining mining = new FinanceFigures.Mining(hashrateMhs.meanAsDouble(0),
                networkMhs.meanAsDouble(0), hashRevenueBtc.btc(), hashRevenueUsd.usd(), hashCostUsd.usd(),
                networkPriceSats.meanBtc(), networkPriceUsd.meanCents());
        String source = historicalPrices + currentPrices == 0 ? null
                : currentPrices == 0 ? "historical" : historicalPrices == 0 ? "current" : "mixed";
        FinanceFigures.Revenue revenue = new FinanceFigures.Revenue(revenueSats.btc(), feesSats.btc(),
                grossSats.btc(), priceUsd.meanCents(), source, revenueUsd.cents(), feesUsd.cents(),
                revenuePerMWh.usd(), revenueBtcPerMW.btc(), revenueUsdPerMW.usd());
        FinanceFigures.Costs costs = new FinanceFigures.Costs(energyCost.cents(), operationalCost.cents(),
                totalCost.cents(), ebitdaSelling.cents(), ebitdaHodl.cents(), productionCost.usd(),
                allInPerMWh.usd(), energyCostPerMWh.usd(), operationalCostPerMWh.usd());
        FinanceFigures.Blocks blocks = new FinanceFigures.Blocks(blockSubsidy.whole(), blockFees.whole(),
                blockSize.whole(), blockSubsidy.count, blockSize.count);
        FinanceFigures.Coverage coverage = new FinanceFigures.Coverage(powerW.count, hashrateMhs.count,
                revenueSats.count, historicalPrices, currentPrices, costDays, electricityDays, networkMhs.count,
                blockSubsidy.count);
        return new FinanceFigures(ts, days, energy, mining, revenue, costs, blocks, coverage);
    }
}
