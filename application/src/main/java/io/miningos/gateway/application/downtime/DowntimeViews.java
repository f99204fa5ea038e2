package io.miningos.gateway.application.downtime;

import io.miningos.gateway.application.downtime.port.in.DowntimeQuery;
import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.analytics.downtime.DowntimeSeries;
import io.miningos.gateway.domain.analytics.downtime.EnergyDay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The downtime answers in the multi-site UI's superset envelope (UI-MULTISITE §4.1): the aggregate over the
 * requested regions at the top ({@code log}, {@code summary}), the same under {@code data}, and one entry per
 * requested region under {@code regions} (this gateway has data for its own site only). Rows carry {@code ts}
 * (bucket start, UTC ms), the energy lost in MWh (3 decimals) and its share of the available energy in percent
 * (0..100, 4 decimals); monthly rows also {@code month}, {@code year}, {@code monthName}. {@code summary.sum} holds
 * the range's figures (total MWh, and the share of the whole range's energy, which the UI shows as the rate),
 * {@code summary.avg} the mean per bucket.
 */
final class DowntimeViews {

    /** Which loss a route shows and under which field names. */
    record Figure(DowntimeSeries.Loss loss, String mwhField, String rateField) {
    }

    static final Figure CURTAILMENT = new Figure(DowntimeSeries.Loss.CURTAILMENT, "curtailmentMWh",
            "curtailmentRate");
    static final Figure OPERATIONAL_ISSUES = new Figure(DowntimeSeries.Loss.OPERATIONAL_ISSUES,
            "operationalIssuesMWh", "operationalIssues");

    private DowntimeViews() {
    }

    static Map<String, Object> answer(DowntimeQuery query, String site, Figure figure, List<EnergyDay> days) {
        Map<String, Object> siteBlock = block(DowntimeSeries.of(days, query.period(), figure.loss()), query.period(),
                figure);
        Map<String, Object> none = block(DowntimeSeries.of(List.of(), query.period(), figure.loss()), query.period(),
                figure);
        Map<String, Object> aggregate = query.includes(site) ? siteBlock : none;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", query.period().text());
        out.putAll(aggregate);
        List<Object> regions = new ArrayList<>();
        for (String region : query.regions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("region", region);
            entry.putAll(region.equalsIgnoreCase(site) ? siteBlock : none);
            regions.add(entry);
        }
        out.put("regions", regions);
        out.put("data", aggregate);
        return out;
    }

    private static Map<String, Object> block(DowntimeSeries series, Period period, Figure figure) {
        List<Object> log = new ArrayList<>();
        for (DowntimeSeries.Bucket bucket : series.buckets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ts", bucket.start());
            if (period == Period.MONTHLY) {
                row.put("month", UtcCalendar.date(bucket.start()).getMonthValue());
                row.put("year", UtcCalendar.date(bucket.start()).getYear());
                row.put("monthName", Period.monthName(bucket.start()));
            }
            row.put(figure.mwhField(), Rounding.places(bucket.lostMWh(), 3));
            row.put(figure.rateField(), Rounding.places(bucket.percent(), 4));
            log.add(row);
        }
        DowntimeSeries.Bucket total = series.total();
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put(figure.mwhField(), Rounding.places(total.lostMWh(), 3));
        sum.put(figure.rateField(), Rounding.places(total.percent(), 4));
        Map<String, Object> avg = new LinkedHashMap<>();
        avg.put(figure.mwhField(), Rounding.places(series.meanLostMWh(), 3));
        avg.put(figure.rateField(), Rounding.places(series.meanPercent(), 4));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sum", sum);
        summary.put("avg", avg);
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("log", log);
        block.put("summary", summary);
        return block;
    }
}
