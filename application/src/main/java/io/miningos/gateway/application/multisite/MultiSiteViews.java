package io.miningos.gateway.application.multisite;

import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.Usd;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows and summaries of the multi-site answers, in the UI's field names and units (docs: README "Multi-site
 * mode"): BTC with 8 decimals, USD in cents, W and MH/s whole, MWh 3 decimals, rates as fractions with 4 decimals
 * (percent with 2 where the UI prints the number next to "%"), per-MW and per-PH/s·day figures in cents (USD) or
 * 8 decimals (BTC).
 */
final class MultiSiteViews {

    private static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);
    /** Fields a summary's {@code sum} and {@code avg} skip (as the UI's own summary does). */
    private static final Set<String> LABELS = Set.of("ts", "region", "year", "month", "monthName", "period");
    /**
     * Fields whose {@code summary.avg} is the whole range taken as one bucket (a mean power, a price, a ratio of
     * totals), not the mean of the rows' values.
     */
    static final Set<String> INTENSIVE = Set.of("currentBTCPrice", "hashrateMHS", "sitePowerW", "efficiencyWThs",
            "energyRevenueBTC_MW", "energyRevenueUSD_MW", "hashRevenueBTC_PHS_d", "hashRevenueUSD_PHS_d",
            "hashCostBTC_PHS_d", "hashCostUSD_PHS_d", "hashRevenueBTC", "hashRevenueUSD", "hashCostUSD",
            "curtailmentRate", "operationalIssues", "downtimeRate", "productionCostUSD", "btcPrice", "hashrate",
            "consumption", "efficiency", "priceUSD", "avgHashrateMHs", "hashprice", "networkHashrateTHs",
            "avgFeesSatsVByte", "workers");

    private MultiSiteViews() {
    }

    /** The labels every row starts with: {@code ts}, {@code period}, and for months {@code month, year, monthName}. */
    static Map<String, Object> labels(long ts, Period period) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ts", ts);
        row.put("period", period.text());
        if (period == Period.MONTHLY) {
            row.put("month", UtcCalendar.date(ts).getMonthValue());
            row.put("year", UtcCalendar.date(ts).getYear());
            row.put("monthName", Period.monthName(ts));
        } else if (period == Period.YEARLY) {
            row.put("year", UtcCalendar.date(ts).getYear());
        }
        return row;
    }

    /**
     * A revenue row (§7 of the contract) of a bucket. In {@code reports} rows {@code hashRevenueBTC} and
     * {@code hashRevenueUSD} are the bucket's totals (the report pages read them so); in {@code revenue} rows they
     * are per PH/s·day.
     *
     * @param livePrice today's price, for {@code ebitdaNotSellingBTC} (the bucket's price when unknown)
     */
    static Map<String, Object> revenueRow(Map<String, Object> row, Bucket b, BigDecimal livePrice, boolean report) {
        BigDecimal btc = b.revenueBtc();
        Usd cost = b.totalCost();
        row.put("totalRevenueBTC", btc(b.revenue));
        row.put("totalFeesBTC", btc(b.txFees));
        row.put("revenueUSD", cents(b.revenueUsd));
        row.put("totalFeesUSD", cents(b.feesUsd));
        row.put("currentBTCPrice", b.priceUsd == null ? null : b.priceUsd.setScale(2, RoundingMode.HALF_EVEN));
        row.put("totalEnergyCostsUSD", cents(b.energyCost));
        row.put("totalOperationalCostsUSD", cents(b.operationalCost));
        row.put("totalCostsUSD", cents(cost));
        BigDecimal selling = b.revenueUsd == null || cost == null ? null : b.revenueUsd.minus(cost).toCents();
        BigDecimal price = livePrice != null ? livePrice : b.priceUsd;
        BigDecimal notSelling = btc == null || price == null || cost == null ? null
                : btc.multiply(price).subtract(cost.amount()).setScale(2, RoundingMode.HALF_EVEN);
        row.put("ebitdaSellingBTC", selling);
        row.put("ebidtaSellingBTC", selling);
        row.put("ebitdaNotSellingBTC", notSelling);
        row.put("ebidtaNotSellingBTC", notSelling);
        Double mw = b.megawatts();
        row.put("energyRevenueBTC_MW", btcPer(btc, mw == null ? null : BigDecimal.valueOf(mw)));
        row.put("energyRevenueUSD_MW", usdPer(b.revenueUsd, mw == null ? null : BigDecimal.valueOf(mw)));
        BigDecimal phsDays = b.phsDays();
        BigDecimal hashRevenueBtc = btcPer(btc, phsDays);
        BigDecimal hashRevenueUsd = usdPer(b.revenueUsd, phsDays);
        BigDecimal hashCostUsd = usdPer(cost, phsDays);
        BigDecimal hashCostBtc = cost == null || b.priceUsd == null || b.priceUsd.signum() <= 0 ? null
                : btcPer(cost.amount().divide(b.priceUsd, MC), phsDays);
        row.put("hashRevenueBTC_PHS_d", hashRevenueBtc);
        row.put("hashRevenueUSD_PHS_d", hashRevenueUsd);
        row.put("hashCostBTC_PHS_d", hashCostBtc);
        row.put("hashCostUSD_PHS_d", hashCostUsd);
        row.put("hashRevenueBTC", report ? btc(b.revenue) : hashRevenueBtc);
        row.put("hashRevenueUSD", report ? cents(b.revenueUsd) : hashRevenueUsd);
        row.put("hashCostUSD", hashCostUsd);
        row.put("hashrateMHS", whole(b.hashrateMhs));
        row.put("sitePowerW", whole(b.sitePowerW));
        row.put("efficiencyWThs", Rounding.places(b.efficiencyWThs(), 2));
        row.put("avgFeesSatsVByte", Rounding.places(b.feeRateSatsPerByte(), 2));
        row.put("curtailmentMWh", Rounding.places(b.curtailmentMWh, 3));
        row.put("curtailmentRate", Rounding.places(b.curtailmentRate(), 4));
        row.put("operationalIssues", Rounding.places(b.operationalIssuesRate(), 4));
        row.put("downtimeRate", Rounding.places(b.downtimeRate(), 4));
        return row;
    }

    /**
     * {@code {sum, avg}} of rows: {@code sum.f} adds the rows' numbers (null until the first one); {@code avg.f}
     * is that sum over the number of rows, except for {@link #INTENSIVE} fields, whose {@code avg} is
     * {@code whole}'s value (the range as one bucket) when given.
     */
    static Map<String, Object> summary(List<Map<String, Object>> rows, Map<String, Object> whole) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            row.forEach((field, value) -> {
                if (LABELS.contains(field)) {
                    return;
                }
                BigDecimal v = value instanceof BigDecimal d ? d : value instanceof Number n
                        ? new BigDecimal(n.toString()) : null;
                if (v != null) {
                    sums.merge(field, v, BigDecimal::add);
                } else {
                    sums.putIfAbsent(field, null);
                }
            });
        }
        Map<String, Object> sum = new LinkedHashMap<>();
        Map<String, Object> avg = new LinkedHashMap<>();
        sums.forEach((field, total) -> {
            sum.put(field, plain(total));
            if (whole != null && INTENSIVE.contains(field) && whole.containsKey(field)) {
                avg.put(field, whole.get(field));
            } else {
                avg.put(field, total == null ? null
                        : plain(total.divide(BigDecimal.valueOf(rows.size()), 8, RoundingMode.HALF_EVEN)));
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sum", sum);
        summary.put("avg", avg);
        return summary;
    }

    static BigDecimal btc(Sats sats) {
        return sats == null ? null : BigDecimal.valueOf(sats.value(), 8);
    }

    static BigDecimal cents(Usd usd) {
        return usd == null ? null : usd.toCents();
    }

    static Long whole(Double value) {
        return value == null ? null : Math.round(value);
    }

    /** USD per unit, in cents; null without a positive quantity. */
    static BigDecimal usdPer(Usd amount, BigDecimal quantity) {
        return amount == null ? null : amount.per(quantity);
    }

    /** BTC per unit with 8 decimals; null without a positive quantity. */
    static BigDecimal btcPer(BigDecimal btc, BigDecimal quantity) {
        if (btc == null || quantity == null || quantity.signum() <= 0) {
            return null;
        }
        return btc.divide(quantity, MC).setScale(8, RoundingMode.HALF_EVEN);
    }

    /** A sum as it is written: whole numbers without decimals, others without trailing zeros beyond their scale. */
    private static Object plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Object) stripped.setScale(0).toBigIntegerExact() : value;
    }

    /** Rows as a list of maps (for the presenters that build them one at a time). */
    static List<Map<String, Object>> list() {
        return new ArrayList<>();
    }
}
