package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Usd;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's entered production costs ({@code productionCosts} records of the gateway's own store, one per
 * month), and what each day of a month costs: the month's amount divided by its number of days. A month without
 * a record has no costs (null), never zero costs. Unlike the Node gateway, a range that starts mid-month still
 * sees that month's costs.
 */
public final class CostBook {

    private final Map<YearMonth, MonthCost> months;

    private record MonthCost(Usd energy, Usd operational) {
    }

    private CostBook(Map<YearMonth, MonthCost> months) {
        this.months = Map.copyOf(months);
    }

    public static CostBook empty() {
        return new CostBook(Map.of());
    }

    /**
     * Reads the stored records: {@code {year, month, energyCostsUSD, operationalCostsUSD}}, where a cost is a
     * number of dollars or an object of such numbers (the UI's itemised form, added up). The Node store's names
     * {@code energyCost}/{@code operationalCost} are read too. Records without a valid year and month are skipped.
     */
    public static CostBook read(List<JsonView> records) {
        Map<YearMonth, MonthCost> months = new HashMap<>();
        for (JsonView record : records) {
            Long year = record.get("year").asLong();
            Long month = record.get("month").asLong();
            if (year == null || month == null || year < 1 || year > 9999 || month < 1 || month > 12) {
                continue;
            }
            Usd energy = cost(record, "energyCostsUSD", "energyCost");
            Usd operational = cost(record, "operationalCostsUSD", "operationalCost");
            if (energy != null || operational != null) {
                months.put(YearMonth.of(year.intValue(), month.intValue()), new MonthCost(energy, operational));
            }
        }
        return new CostBook(months);
    }

    private static Usd cost(JsonView record, String name, String nodeName) {
        JsonView value = record.get(name).isMissing() ? record.get(nodeName) : record.get(name);
        BigDecimal single = value.asDecimal();
        if (single != null) {
            return single.signum() < 0 ? null : new Usd(single);
        }
        if (!value.isObject()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        for (JsonView item : value.fields().values()) {
            BigDecimal amount = item.asDecimal();
            if (amount != null && amount.signum() >= 0) {
                total = total.add(amount);
                any = true;
            }
        }
        return any ? new Usd(total) : null;
    }

    /** The costs of the UTC day starting at {@code dayStart}, or null when its month has no record. */
    public DailyCost costOn(long dayStart) {
        LocalDate date = UtcCalendar.date(dayStart);
        MonthCost month = months.get(YearMonth.from(date));
        if (month == null) {
            return null;
        }
        int days = date.lengthOfMonth();
        return new DailyCost(month.energy == null ? null : month.energy.dividedBy(days),
                month.operational == null ? null : month.operational.dividedBy(days));
    }
}
