package io.miningos.gateway.application.multisite;

import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.Usd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one bucket (a day, week, month, year or the whole range) over one or more sites: what adds up is
 * added (BTC exactly, USD exactly, energies, costs), a site's hashrate and power are its mean over its days with a
 * value and are then added over the sites, the BTC price is the mean over the days of the price the sites used
 * that day, and every ratio is computed from those totals (never averaged).
 */
final class Bucket {

    private static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);
    private static final BigDecimal SATS_PER_BTC = BigDecimal.valueOf(Sats.PER_BTC);

    final long ts;
    /** Days of the bucket inside the range (up to today): what per-day figures divide by. */
    final int days;
    Sats revenue;
    Sats txFees;
    Usd revenueUsd;
    Usd feesUsd;
    Usd energyCost;
    Usd operationalCost;
    Double hashrateMhs;
    Double sitePowerW;
    /** Miners online: each site's mean over its days with a count, added over the sites. */
    Double onlineMiners;
    BigDecimal priceUsd;
    Double consumptionMWh;
    Double availableEnergyMWh;
    Double expectedEnergyMWh;
    Double curtailmentMWh;
    Double operationalIssuesMWh;
    Double networkHashrateMhs;
    BigDecimal networkHashPriceUsd;
    Sats blockSubsidy;
    Sats blockFees;
    /** Fees and bytes of the sampled blocks of the days that have both: the network's fee rate. */
    long sampledFeeSats;
    double sampledBytes;
    /** Days on which some site knew the price (the network series: price, blocks, network hashrate). */
    final Map<Long, SiteDay> networkDays = new TreeMap<>();

    private Bucket(long ts, int days) {
        this.ts = ts;
        this.days = days;
    }

    /**
     * @param ts    the bucket's start
     * @param days  how many days of the range it holds
     * @param sites each site's days in the bucket
     */
    static Bucket of(long ts, int days, List<List<SiteDay>> sites) {
        Bucket b = new Bucket(ts, days);
        Map<Long, List<BigDecimal>> prices = new TreeMap<>();
        for (List<SiteDay> site : sites) {
            double hashSum = 0;
            int hashDays = 0;
            double powerSum = 0;
            int powerDays = 0;
            double onlineSum = 0;
            int onlineDays = 0;
            for (SiteDay d : site) {
                b.revenue = add(b.revenue, d.revenue());
                Sats fees = d.txFees();
                b.txFees = add(b.txFees, fees);
                b.revenueUsd = add(b.revenueUsd, d.revenueUsd());
                if (fees != null && d.priceUsd() != null) {
                    b.feesUsd = add(b.feesUsd, new Usd(new BigDecimal(fees.value()).multiply(d.priceUsd())
                            .divide(SATS_PER_BTC, Usd.WORKING_SCALE, RoundingMode.HALF_EVEN)));
                }
                b.energyCost = add(b.energyCost, d.energyCost());
                b.operationalCost = add(b.operationalCost, d.operationalCost());
                b.consumptionMWh = add(b.consumptionMWh, d.consumptionMWh());
                b.availableEnergyMWh = add(b.availableEnergyMWh, d.availableEnergyMWh());
                b.expectedEnergyMWh = add(b.expectedEnergyMWh, d.expectedEnergyMWh());
                b.curtailmentMWh = add(b.curtailmentMWh, d.curtailmentMWh());
                if (d.operationalIssuesRate() != null && d.expectedEnergyMWh() != null) {
                    b.operationalIssuesMWh = add(b.operationalIssuesMWh,
                            d.operationalIssuesRate() * d.expectedEnergyMWh());
                }
                if (d.hashrateMhs() != null) {
                    hashSum += d.hashrateMhs();
                    hashDays++;
                }
                if (d.sitePowerW() != null) {
                    powerSum += d.sitePowerW();
                    powerDays++;
                }
                if (d.onlineMiners() != null) {
                    onlineSum += d.onlineMiners();
                    onlineDays++;
                }
                if (d.priceUsd() != null) {
                    prices.computeIfAbsent(d.ts(), k -> new ArrayList<>()).add(d.priceUsd());
                }
                if (d.priceUsd() != null || d.networkHashrateMhs() != null || d.blockSubsidy() != null) {
                    b.networkDays.putIfAbsent(d.ts(), d);
                }
            }
            if (hashDays > 0) {
                b.hashrateMhs = add(b.hashrateMhs, hashSum / hashDays);
            }
            if (powerDays > 0) {
                b.sitePowerW = add(b.sitePowerW, powerSum / powerDays);
            }
            if (onlineDays > 0) {
                b.onlineMiners = add(b.onlineMiners, onlineSum / onlineDays);
            }
        }
        if (!prices.isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (List<BigDecimal> day : prices.values()) {
                sum = sum.add(mean(day));
            }
            b.priceUsd = sum.divide(BigDecimal.valueOf(prices.size()), MC);
        }
        List<Double> network = new ArrayList<>();
        List<BigDecimal> hashPrices = new ArrayList<>();
        for (SiteDay d : b.networkDays.values()) {
            if (d.networkHashrateMhs() != null) {
                network.add(d.networkHashrateMhs());
            }
            if (d.networkHashPriceUsd() != null) {
                hashPrices.add(d.networkHashPriceUsd());
            }
            b.blockSubsidy = add(b.blockSubsidy, d.blockSubsidy());
            b.blockFees = add(b.blockFees, d.blockFees());
            if (d.blockFees() != null && d.blockSizeBytes() != null && d.blockSizeBytes() > 0) {
                b.sampledFeeSats += d.blockFees().value();
                b.sampledBytes += d.blockSizeBytes();
            }
        }
        b.networkHashrateMhs = network.isEmpty() ? null
                : network.stream().mapToDouble(Double::doubleValue).sum() / network.size();
        b.networkHashPriceUsd = hashPrices.isEmpty() ? null : mean(hashPrices);
        return b;
    }

    /** Satoshis of fees per byte of the days' sampled blocks (the network's fee rate); null without a sample. */
    Double feeRateSatsPerByte() {
        return sampledBytes <= 0 ? null : sampledFeeSats / sampledBytes;
    }

    Usd totalCost() {
        return energyCost == null && operationalCost == null ? null
                : add(energyCost == null ? Usd.ZERO : energyCost, operationalCost);
    }

    BigDecimal revenueBtc() {
        return revenue == null ? null : revenue.toBtc();
    }

    Double megawatts() {
        return sitePowerW == null || sitePowerW <= 0 ? null : sitePowerW / 1e6;
    }

    /** Mean PH/s times the bucket's days: what a per-PH/s·day figure divides by. */
    BigDecimal phsDays() {
        return hashrateMhs == null || hashrateMhs <= 0 || days == 0 ? null
                : BigDecimal.valueOf(hashrateMhs / 1e9 * days);
    }

    Double efficiencyWThs() {
        return sitePowerW == null || hashrateMhs == null || hashrateMhs <= 0 ? null
                : sitePowerW / (hashrateMhs / 1e6);
    }

    Double curtailmentRate() {
        return curtailmentMWh == null || availableEnergyMWh == null || availableEnergyMWh <= 0 ? null
                : Math.max(0, curtailmentMWh / availableEnergyMWh);
    }

    Double operationalIssuesRate() {
        return operationalIssuesMWh == null || expectedEnergyMWh == null || expectedEnergyMWh <= 0 ? null
                : Math.max(0, operationalIssuesMWh / expectedEnergyMWh);
    }

    Double downtimeRate() {
        Double c = curtailmentRate();
        Double o = operationalIssuesRate();
        return c == null && o == null ? null : (c == null ? 0 : c) + (o == null ? 0 : o);
    }

    /** Each site's days grouped into buckets of the given starts, in order. */
    static Map<Long, List<SiteDay>> split(List<SiteDay> days, java.util.function.LongUnaryOperator bucketOf) {
        Map<Long, List<SiteDay>> out = new LinkedHashMap<>();
        for (SiteDay d : days) {
            out.computeIfAbsent(bucketOf.applyAsLong(d.ts()), k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        return sum.divide(BigDecimal.valueOf(values.size()), MC);
    }

    private static Sats add(Sats a, Sats b) {
        return b == null ? a : a == null ? b : a.plus(b);
    }

    private static Usd add(Usd a, Usd b) {
        return b == null ? a : a == null ? b : a.plus(b);
    }

    private static Double add(Double a, Double b) {
        return b == null ? a : a == null ? b : a + b;
    }
}
