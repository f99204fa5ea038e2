package io.miningos.gateway.adapters.ork.sim.ext;

import io.miningos.gateway.adapters.ork.sim.live.JsonObjects;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.rpc.RequestNumbers;
import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

import static io.miningos.gateway.adapters.ork.sim.ext.BitcoinNetwork.DAY;

/**
 * The site's electricity worker (rack type {@code electricity}): what the grid offers the site, what it costs, and
 * how much of it the site used. The real worker is not public; the shapes follow what the MiningOS UI reads
 * ({@code energy.usedEnergy}/{@code availableEnergy}) and the gateway's contract ({@code energy_aggr},
 * docs/analytics-design.md §6.3), both in every {@code stats-history} record.
 *
 * <p>The model. The grid offers the site its nominal availability (the global config's
 * {@code nominalAvailablePowerMWh}, in MW) every hour; on seeded surplus days (about one in seven) it offers more
 * for a few midday hours, at a low price. The site takes what it uses (its site meter's daily mean,
 * {@code consumedW}); what it should have taken given its operations ({@code ute}) is a seeded 0.4–2.9 % more;
 * the rest of the offer went unused (curtailed). So for every closed day: consumed ≤ ute ≤ available, and surplus
 * days show a large available − consumed. The simulated miners do not react to the offer: the surplus is energy the
 * site could not absorb.
 *
 * <p>{@code setWrkExtData} stores {@code forecastSettings} (any object) and {@code availableEnergy} (points
 * {@code [{ts, availableMw}]} overriding the forecast's available power from {@code ts} on); both are small and
 * bounded, and the caller persists them with the ORK's state.
 */
public final class ElectricityData {

    private static final long HOUR = 3_600_000L;
    /** Daily records of one answer at most (the site meter's daily store keeps 180 days anyway). */
    static final int MAX_DAYS = 400;
    /** Hourly points of one {@code forecastHistory} answer at most. */
    public static final int MAX_HOURS = 24 * MAX_DAYS;
    /** Points one {@code availableEnergy} write may hold. */
    public static final int MAX_AVAILABLE_POINTS = 1_000;
    /** Size bound of a stored {@code forecastSettings} object (its JSON text). */
    public static final int MAX_SETTINGS_CHARS = 20_000;
    static final List<String> SETTINGS_KEYS = List.of("miningRevenueTaxFees", "sellingEnergyTaxFees",
            "buyingEnergyTaxFees", "lcoe", "siteEfficiency");

    /** The site meter's mean power in W of each closed UTC day it knows in {@code [fromDay, toDay]}. */
    @FunctionalInterface
    public interface DailyConsumption {
        Map<Long, Double> meanSitePowerW(long fromDay, long toDay);
    }

    private final long seed;
    private final long commissionedAt;
    private final DoubleSupplier nominalMw;
    private Map<String, Object> forecastSettings;
    private final TreeMap<Long, Double> availableOverrides = new TreeMap<>();

    public ElectricityData(long seed, long commissionedAt, DoubleSupplier nominalMw) {
        this.seed = seed;
        this.commissionedAt = commissionedAt;
        this.nominalMw = nominalMw;
    }

    // ------------------------------------------------------------------ reads

    /**
     * The rack's answer to {@code getWrkExtData}: a list of records, or one object; an empty list for what the
     * worker does not answer (an unknown key, a {@code stats-history} without range or with another
     * {@code groupRange}).
     */
    public Object answer(Map<String, Object> req, Map<String, Object> query, DailyConsumption consumption, long now) {
        Object key = query.get("key");
        return switch (key instanceof String k ? k : "") {
            case "stats-history" -> statsHistory(RequestNumbers.asTime(query.get("start")),
                    RequestNumbers.asTime(query.get("end")), query.get("groupRange"), consumption, now);
            case "forecast" -> forecast(now);
            case "forecastHistory" -> forecastHistory(firstLong(query.get("start"), req.get("start")),
                    firstLong(query.get("end"), req.get("end")), now);
            case "forecastSettings" -> settings();
            case "availableEnergy" -> availableEnergy();
            default -> new ArrayList<>();
        };
    }

    private List<Object> statsHistory(Long start, Long end, Object groupRange, DailyConsumption consumption,
                                      long now) {
        boolean monthly = "1M".equals(groupRange);
        if (start == null || end == null || !monthly && !"1D".equals(groupRange)) {
            return new ArrayList<>();
        }
        long lastClosed = Math.floorDiv(now, DAY) * DAY - DAY;
        long to = Math.min(Math.floorDiv(end, DAY) * DAY, lastClosed);
        if (start > to) {
            return new ArrayList<>();
        }
        long from = Math.max(Math.max(Math.floorDiv(start, DAY) * DAY, Math.floorDiv(commissionedAt + DAY - 1, DAY)
                * DAY), to - (MAX_DAYS - 1) * DAY);
        if (from > to) {
            return new ArrayList<>();
        }
        Map<Long, Double> used = consumption.meanSitePowerW(from, to);
        Map<Long, double[]> groups = new LinkedHashMap<>(); // group ts -> {consumed MWh, ute MWh, available MWh, h}
        for (long day = from; day <= to; day += DAY) {
            Double meanW = used.get(day);
            if (meanW == null) {
                continue;
            }
            double[] d = day(day, meanW);
            long group = monthly ? Instant.ofEpochMilli(day).atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                    .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() : day;
            double[] acc = groups.computeIfAbsent(group, g -> new double[4]);
            for (int i = 0; i < 3; i++) {
                acc[i] += d[i];
            }
            acc[3] += 24;
        }
        List<Object> out = new ArrayList<>();
        groups.forEach((ts, g) -> {
            Map<String, Object> energy = new LinkedHashMap<>();
            energy.put("usedEnergy", Math.round(g[0] * 1e6 / g[3]));
            energy.put("availableEnergy", Math.round(g[2] * 1e6 / g[3]));
            energy.put("label", ts);
            energy.put("count", Math.round(g[3]));
            energy.put("ts", ts);
            out.add(JsonObjects.of("ts", ts, "energy", energy, "energy_aggr", JsonObjects.of(
                    "active_energy_in_aggr", Noise.round(g[2], 6), "ute_energy_aggr", Noise.round(g[1], 6))));
        });
        return out;
    }

    /** One closed day in MWh: {consumed, ute (what the site should have used), available (what was offered)}. */
    double[] day(long day, double meanW) {
        double consumed = meanW * 24 / 1e6;
        double ute = consumed * (1 + 0.004 + 0.025 * Noise.unit(Noise.hash(seed, 611, Math.floorDiv(day, DAY))));
        double offered = 0;
        for (int h = 0; h < 24; h++) {
            offered += offeredMw(day + h * HOUR);
        }
        // the offer covers the site (its nominal availability is above what it draws); never below what it used
        return new double[]{consumed, ute, Math.max(offered, ute)};
    }

    /** What the grid offers in the hour starting {@code hour}, in MW: the nominal availability, more in surplus. */
    double offeredMw(long hour) {
        long day = Math.floorDiv(hour, DAY);
        double nominal = nominalMw.getAsDouble();
        long h = Noise.hash(seed, 612, day);
        if (Noise.unit(h) >= 0.15) {
            return nominal;
        }
        int from = 9 + Noise.below(Noise.hash(h, 1), 5);
        int length = 4 + Noise.below(Noise.hash(h, 2), 6);
        int hourOfDay = (int) Math.floorMod(hour, DAY) / (int) HOUR;
        boolean surplus = hourOfDay >= from && hourOfDay < from + length;
        return surplus ? nominal * (1.2 + 0.6 * Noise.unit(Noise.hash(h, 3))) : nominal;
    }

    /** Spot price of the hour in USD/MWh: dearer in the evening, cheaper at night and in surplus hours. */
    double priceUsdPerMWh(long hour) {
        double hourOfDay = Math.floorMod(hour, DAY) / (double) HOUR;
        double shape = 1 + 0.25 * Math.sin(2 * Math.PI * (hourOfDay - 12) / 24.0);
        double level = 48 * Math.exp(0.25 * BitcoinNetwork.smooth(Noise.hash(seed, 613), hour, 5 * DAY));
        double surplus = offeredMw(hour) > nominalMw.getAsDouble() ? 0.35 : 1;
        double noise = 1 + 0.06 * Noise.gauss(Noise.hash(seed, 614, Math.floorDiv(hour, HOUR)));
        return Noise.round(level * shape * surplus * noise, 2);
    }

    /** The forecast of the hour made the day before: the offer and the price with forecast errors. */
    private double forecastMw(long hour) {
        double error = 1 + 0.04 * Noise.gauss(Noise.hash(seed, 615, Math.floorDiv(hour, HOUR)));
        return Noise.round(offeredMw(hour) * error, 3);
    }

    private double forecastPrice(long hour) {
        return Noise.round(priceUsdPerMWh(hour) * (1 + 0.08 * Noise.gauss(Noise.hash(seed, 616,
                Math.floorDiv(hour, HOUR)))), 2);
    }

    /** The next 48 hours from the current one, issued at the start of the hour. */
    private Map<String, Object> forecast(long now) {
        long issued = Math.floorDiv(now, HOUR) * HOUR;
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            long hour = issued + i * HOUR;
            Map.Entry<Long, Double> override;
            synchronized (this) {
                override = availableOverrides.floorEntry(hour);
            }
            points.add(JsonObjects.of("ts", hour, "availablePowerMW", override != null ? override.getValue()
                    : forecastMw(hour), "priceUSDPerMWh", forecastPrice(hour)));
        }
        return JsonObjects.of("ts", issued, "points", points);
    }

    /** Past hours of {@code [start, end]}: what was forecast and what happened. */
    private List<Object> forecastHistory(Long start, Long end, long now) {
        List<Object> out = new ArrayList<>();
        if (start == null || end == null) {
            return out;
        }
        long lastHour = Math.floorDiv(Math.min(end, now), HOUR) * HOUR;
        if (start > lastHour) {
            return out;
        }
        long first = Math.max(Math.max(Math.floorDiv(start + HOUR - 1, HOUR) * HOUR, commissionedAt),
                lastHour - (MAX_HOURS - 1) * HOUR);
        for (long hour = first; hour <= lastHour; hour += HOUR) {
            out.add(JsonObjects.of("ts", hour, "forecastPowerMW", forecastMw(hour), "actualPowerMW",
                    Noise.round(offeredMw(hour), 3), "forecastPriceUSDPerMWh", forecastPrice(hour),
                    "actualPriceUSDPerMWh", priceUsdPerMWh(hour)));
        }
        return out;
    }

    private synchronized Map<String, Object> settings() {
        if (forecastSettings == null) {
            Map<String, Object> d = new LinkedHashMap<>();
            SETTINGS_KEYS.forEach(k -> d.put(k, new LinkedHashMap<>()));
            return d;
        }
        return copy(forecastSettings);
    }

    private synchronized List<Object> availableEnergy() {
        List<Object> out = new ArrayList<>();
        availableOverrides.forEach((ts, mw) -> out.add(JsonObjects.of("ts", ts, "availableMw", mw)));
        return out;
    }

    // ------------------------------------------------------------------ writes

    /**
     * {@code setWrkExtData {key, value}}: stores the forecast settings (an object) or the available-energy points
     * (replacing the earlier ones). Refuses anything else with the worker's error, changing nothing.
     */
    @SuppressWarnings("unchecked")
    public synchronized Map<String, Object> write(Object key, Object value) {
        if ("forecastSettings".equals(key)) {
            if (!(value instanceof Map<?, ?> m) || String.valueOf(m).length() > MAX_SETTINGS_CHARS) {
                throw new OrkError(OrkErrors.VALUE_INVALID);
            }
            forecastSettings = copy((Map<String, Object>) m);
        } else if ("availableEnergy".equals(key)) {
            if (!(value instanceof List<?> points) || points.size() > MAX_AVAILABLE_POINTS) {
                throw new OrkError(OrkErrors.VALUE_INVALID);
            }
            TreeMap<Long, Double> parsed = new TreeMap<>();
            for (Object p : points) {
                Long ts = p instanceof Map<?, ?> pm ? RequestNumbers.asTime(pm.get("ts")) : null;
                Object mw = p instanceof Map<?, ?> pm ? (pm.containsKey("availableMw") ? pm.get("availableMw")
                        : pm.get("availablePowerMW")) : null;
                if (ts == null || ts < 0 || !(mw instanceof Number n) || !(n.doubleValue() >= 0)
                        || n.doubleValue() > 1e6) {
                    throw new OrkError(OrkErrors.VALUE_INVALID);
                }
                parsed.put(ts, n.doubleValue());
            }
            availableOverrides.clear();
            availableOverrides.putAll(parsed);
        } else {
            throw new OrkError(OrkErrors.KEY_INVALID);
        }
        return JsonObjects.of("success", true);
    }

    /** What to persist: the stored settings and points (null when nothing was ever written). */
    public synchronized Map<String, Object> export() {
        if (forecastSettings == null && availableOverrides.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (forecastSettings != null) {
            out.put("forecastSettings", copy(forecastSettings));
        }
        out.put("availableEnergy", availableEnergy());
        return out;
    }

    /** Puts back what {@link #export()} gave (or nothing, for null); unusable parts are dropped. */
    public synchronized void restore(Object saved) {
        forecastSettings = null;
        availableOverrides.clear();
        if (!(saved instanceof Map<?, ?> m)) {
            return;
        }
        try {
            if (m.get("forecastSettings") != null) {
                write("forecastSettings", m.get("forecastSettings"));
            }
            if (m.get("availableEnergy") != null) {
                write("availableEnergy", m.get("availableEnergy"));
            }
        } catch (OrkError e) {
            // a hand-edited state file: keep what could be read
        }
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> inner ? copy((Map<String, Object>) inner)
                : v instanceof List<?> l ? copyList(l) : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> copyList(List<?> l) {
        List<Object> out = new ArrayList<>();
        for (Object v : l) {
            out.add(v instanceof Map<?, ?> inner ? copy((Map<String, Object>) inner) : v instanceof List<?> il
                    ? copyList(il) : v);
        }
        return out;
    }

    private static Long firstLong(Object a, Object b) {
        Long v = RequestNumbers.asTime(a);
        return v != null ? v : RequestNumbers.asTime(b);
    }
}
