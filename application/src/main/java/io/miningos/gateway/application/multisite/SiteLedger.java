package io.miningos.gateway.application.multisite;

import io.miningos.gateway.application.cache.CachedAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.Usd;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One site's days over a range, read from its gateway's {@code GET /auth/finance/revenue-summary?period=daily}.
 * Nothing a site returns is trusted: {@link #read} takes the answer only if it has the route's shape (an object
 * with a {@code log} of day objects, each {@code ts} a UTC midnight inside the range, ascending, each figure a
 * number or null, amounts and energies not negative); otherwise the whole answer is that site's failure
 * ({@code bad_answer}).
 *
 * @param days            the site's days, oldest first
 * @param currentPriceUsd today's BTC price the site knows (the summary's {@code currentBtcPriceUsd}), or null
 */
public record SiteLedger(List<SiteDay> days, BigDecimal currentPriceUsd) implements CachedAnswer {

    private static final long DAY = 86_400_000L;
    /** Bytes one day holds in memory, roughly (the cache's byte bound counts it). */
    private static final int DAY_BYTES = 400;

    public SiteLedger {
        days = List.copyOf(days);
    }

    @Override
    public long sizeBytes() {
        return 64L + (long) days.size() * DAY_BYTES;
    }

    @Override
    public boolean isComplete() {
        return true;
    }

    /**
     * The site's answer for days {@code [firstDay, lastDay]} (UTC midnights, epoch ms).
     *
     * @throws IllegalArgumentException naming the first problem, when the answer is not of the expected shape
     */
    public static SiteLedger read(JsonView answer, long firstDay, long lastDay) {
        if (!answer.isObject() || !answer.get("log").isArray()) {
            throw new IllegalArgumentException("not {log: [...]}");
        }
        List<JsonView> log = answer.get("log").items();
        if (log.size() > (lastDay - firstDay) / DAY + 1) {
            throw new IllegalArgumentException("more days than the range holds");
        }
        List<SiteDay> days = new ArrayList<>(log.size());
        long previous = Long.MIN_VALUE;
        for (JsonView row : log) {
            if (!row.isObject()) {
                throw new IllegalArgumentException("a log entry is not an object");
            }
            Object ts = row.get("ts").raw();
            if (!(ts instanceof Number n) || n.longValue() != n.doubleValue() || n.longValue() % DAY != 0
                    || n.longValue() < firstDay || n.longValue() > lastDay || n.longValue() <= previous) {
                throw new IllegalArgumentException("a log entry's ts is not a UTC day of the range, ascending: " + ts);
            }
            previous = n.longValue();
            days.add(new SiteDay(previous, btc(row, "revenueBTC"), usd(row, "revenueUsd"),
                    decimal(row, "btcPriceUsd", true), number(row, "sitePowerW", true),
                    number(row, "hashrateMhs", true), usd(row, "energyCostUsd"), usd(row, "operationalCostUsd"),
                    number(row, "consumptionMWh", true), number(row, "availableEnergyMWh", true),
                    number(row, "expectedEnergyMWh", true), number(row, "curtailmentMWh", true),
                    number(row, "operationalIssuesRate", false), number(row, "networkHashrateMhs", true),
                    decimal(row, "networkHashPriceUsdPerPhsDay", true), btc(row, "blockSubsidyBTC"),
                    btc(row, "blockFeesBTC"), number(row, "blockSizeBytes", true), null));
        }
        JsonView summary = answer.get("summary");
        BigDecimal current = summary.isObject() ? decimal(summary, "currentBtcPriceUsd", true) : null;
        return new SiteLedger(days, current);
    }

    /**
     * A site's mean online miners per day from its {@code GET /auth/metrics/miner-status} answer
     * ({@code {log: [{ts, online}]}}), checked as {@link #read} checks days.
     */
    public static Map<Long, Double> readOnline(JsonView answer, long firstDay, long lastDay) {
        if (!answer.isObject() || !answer.get("log").isArray()
                || answer.get("log").items().size() > (lastDay - firstDay) / DAY + 1) {
            throw new IllegalArgumentException("not {log: [...]} of the range's days");
        }
        Map<Long, Double> online = new java.util.HashMap<>();
        long previous = Long.MIN_VALUE;
        for (JsonView row : answer.get("log").items()) {
            if (!row.isObject()) {
                throw new IllegalArgumentException("a log entry is not an object");
            }
            Object ts = row.get("ts").raw();
            if (!(ts instanceof Number n) || n.longValue() != n.doubleValue() || n.longValue() % DAY != 0
                    || n.longValue() < firstDay || n.longValue() > lastDay || n.longValue() <= previous) {
                throw new IllegalArgumentException("a log entry's ts is not a UTC day of the range, ascending: " + ts);
            }
            previous = n.longValue();
            Double count = number(row, "online", true);
            if (count != null) {
                online.put(previous, count);
            }
        }
        return online;
    }

    /** The same days, each with its mean online miners (none where the map has no value). */
    public SiteLedger withOnline(Map<Long, Double> online) {
        return new SiteLedger(days.stream().map(d -> d.withOnlineMiners(online.get(d.ts()))).toList(),
                currentPriceUsd);
    }

    /** Online miners per day, as the cache holds them. */
    record Online(Map<Long, Double> byDay) implements CachedAnswer {
        @Override
        public long sizeBytes() {
            return 64L + byDay.size() * 48L;
        }

        @Override
        public boolean isComplete() {
            return true;
        }
    }

    /** The site's days by their start. */
    public Map<Long, SiteDay> byDay() {
        Map<Long, SiteDay> map = new java.util.HashMap<>();
        days.forEach(day -> map.put(day.ts(), day));
        return map;
    }

    private static Object value(JsonView row, String field) {
        Object raw = row.get(field).raw();
        if (raw != null && !(raw instanceof Number)) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return raw;
    }

    private static Double number(JsonView row, String field, boolean notNegative) {
        Object raw = value(row, field);
        if (raw == null) {
            return null;
        }
        double v = ((Number) raw).doubleValue();
        if (!Double.isFinite(v) || notNegative && v < 0) {
            throw new IllegalArgumentException(field + " is not a plausible number: " + raw);
        }
        return v;
    }

    private static BigDecimal decimal(JsonView row, String field, boolean notNegative) {
        Object raw = value(row, field);
        if (raw == null) {
            return null;
        }
        BigDecimal v = row.get(field).asDecimal();
        if (v == null || v.abs().compareTo(BigDecimal.TEN.pow(15)) > 0 || notNegative && v.signum() < 0) {
            throw new IllegalArgumentException(field + " is not a plausible amount: " + raw);
        }
        return v;
    }

    private static Usd usd(JsonView row, String field) {
        BigDecimal v = decimal(row, field, true);
        return v == null ? null : new Usd(v);
    }

    private static Sats btc(JsonView row, String field) {
        BigDecimal v = decimal(row, field, true);
        if (v == null) {
            return null;
        }
        Sats sats = Sats.ofBtc(v);
        if (sats == null) {
            throw new IllegalArgumentException(field + " is not a bitcoin amount: " + v);
        }
        return sats;
    }
}
