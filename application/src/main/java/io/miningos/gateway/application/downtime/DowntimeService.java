package io.miningos.gateway.application.downtime;

import io.miningos.gateway.application.downtime.port.in.DowntimeQuery;
import io.miningos.gateway.application.downtime.port.in.DowntimeUseCase;
import io.miningos.gateway.application.ork.CallReplies;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.analytics.downtime.EnergyDay;
import io.miningos.gateway.domain.analytics.finance.DailyAggregates;
import io.miningos.gateway.domain.analytics.finance.DailyStat;
import io.miningos.gateway.domain.analytics.finance.ElectricityAnswers;
import io.miningos.gateway.domain.analytics.finance.ElectricityDay;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Curtailment and operational-issue downtime of the site, from two ORK reads per range: the electricity worker's
 * daily energy ({@code getWrkExtData electricity stats-history}, {@code groupRange 1D}: available and expected
 * energy, {@link ElectricityAnswers}) and the site meter's daily mean power ({@code tailLogCustomRangeAggr}, one
 * key per day, {@link DailyAggregates}), for the range's days that have ended. Both routes are cached under their
 * own name ({@code cacheTiming}) and the range's last ended day, so an answer never outlives the day it covers.
 */
public final class DowntimeService implements DowntimeUseCase {

    public static final String CURTAILMENT = "/auth/downtime/curtailment";
    public static final String OPERATIONAL_ISSUES = "/auth/downtime/operationalIssues";
    static final String METER = "powermeter";
    static final String SITE_POWER = "site_power_w";

    private final OrkRequests orks;
    private final String site;
    private final Clock clock;

    public DowntimeService(OrkRequests orks, String site, Clock clock) {
        this.orks = Objects.requireNonNull(orks, "orks");
        this.site = Objects.requireNonNull(site, "site");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<GatheredAnswer> curtailment(DowntimeQuery query, boolean refresh) {
        return answer(CURTAILMENT, query, refresh, DowntimeViews.CURTAILMENT);
    }

    @Override
    public CompletableFuture<GatheredAnswer> operationalIssues(DowntimeQuery query, boolean refresh) {
        return answer(OPERATIONAL_ISSUES, query, refresh, DowntimeViews.OPERATIONAL_ISSUES);
    }

    private CompletableFuture<GatheredAnswer> answer(String route, DowntimeQuery query, boolean refresh,
                                                     DowntimeViews.Figure figure) {
        List<Long> days = query.includes(site) ? query.closedDays(clock.millis()) : List.of();
        List<String> key = new ArrayList<>(query.identity());
        key.add(days.isEmpty() ? "-" : Long.toString(days.getLast()));
        if (days.isEmpty()) {
            return orks.cachedCompute(route, key, refresh, List.of(),
                    replies -> DowntimeViews.answer(query, site, figure, List.of()));
        }
        DailyAggregates meter = DailyAggregates.of(days, List.of(METER));
        long lastEnd = days.getLast() + UtcCalendar.DAY_MS - 1;
        List<OrkCall> calls = List.of(
                new OrkCall(OrkMethod.GET_WRK_EXT_DATA, Map.of("type", "electricity", "query", Map.of("key", "stats-history",
                        "start", days.getFirst(), "end", lastEnd, "groupRange", "1D"))),
                new OrkCall(OrkMethod.TAIL_LOG_CUSTOM_RANGE_AGGR, Map.of("keys", meter.request())));
        return orks.cachedCompute(route, key, refresh, calls,
                replies -> DowntimeViews.answer(query, site, figure, energy(days, meter, replies)));
    }

    /** Every day of the range with what the ORKs said about it (unknowns stay null). */
    static List<EnergyDay> energy(List<Long> days, DailyAggregates meter, List<CallReplies> replies) {
        Map<Long, ElectricityDay> grid = ElectricityAnswers.daily(replies.get(0).answers());
        Map<Long, DailyStat> used = meter.sums(replies.get(1).answers(), METER, SITE_POWER);
        List<EnergyDay> out = new ArrayList<>(days.size());
        for (long day : days) {
            ElectricityDay e = grid.get(day);
            DailyStat power = used.get(day);
            out.add(new EnergyDay(day, e == null ? null : e.availableMWh(), e == null ? null : e.expectedMWh(),
                    power == null ? null : power.mean() * 24 / 1e6)); // the day's mean W over 24 h, in MWh
        }
        return out;
    }
}
