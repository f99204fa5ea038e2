package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.ContainerHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.DailyMetricQuery;
import io.miningos.gateway.application.analytics.port.in.IntervalQuery;
import io.miningos.gateway.application.analytics.port.in.TimelineQuery;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.FixedSite.NOW;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics of the fixed site read from two ORKs: each holds half of the miners (30 and 20 PH/s on June 1), so
 * the site's daily mean is their sum.
 */
class MetricsServiceTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(NOW));

    /** One element per key: the ORK's miners' hashrate on June 1 ({@code mhs} MH/s), nothing on June 2. */
    static ScriptedOrks.Script store(long mhs) {
        return (method, request) -> {
            assertEquals("tailLogCustomRangeAggr", method);
            List<Object> out = arr();
            for (JsonView key : request.get("keys").items()) {
                boolean first = key.get("startDate").asText().startsWith("2026-06-01");
                out.add(first ? obj("type", "miner", "data", obj("hashrate_mhs_5m_sum_aggr", mhs * 288,
                        "aggrIntervals", 288)) : obj("type", "miner", "data", obj()));
            }
            return out;
        };
    }

    private static Map<?, ?> body(ScriptedOrks orks, GatheredAnswer answer) {
        return (Map<?, ?>) orks.body(answer);
    }

    @Test
    void theDailyMeansOfTheOrksAddUpAndEachDayIsOneKey() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", store(30_000_000_000L))
                .ork("cluster-2", store(20_000_000_000L));
        MetricsService service = new MetricsService(orks.requests(), AnalyticsSettings.NONE, clock);
        Map<?, ?> answer = body(orks, service.hashrate(DailyMetricQuery.of(DAY1, DAY2 + UtcCalendar.DAY_MS - 1,
                null, null), false).join());
        List<?> log = (List<?>) answer.get("log");
        assertEquals(obj("ts", DAY1, "hashrateMhs", 50_000_000_000L), log.get(0));
        assertEquals(obj("ts", DAY2, "hashrateMhs", null), log.get(1));
        assertEquals(obj("avgHashrateMhs", 50_000_000_000L, "days", 1), answer.get("summary"));
        JsonView keys = orks.calls().getFirst().request().get("keys");
        assertEquals(2, keys.items().size());
        assertEquals("2026-06-02T00:00:00Z", keys.at(1).get("startDate").asText());
    }

    @Test
    void aRangeInTheFutureAsksNoOrk() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", store(1));
        MetricsService service = new MetricsService(orks.requests(), AnalyticsSettings.NONE, clock);
        long later = NOW + 10 * UtcCalendar.DAY_MS;
        Map<?, ?> answer = body(orks, service.efficiency(new TimeRange(later, later + 1000), false).join());
        assertEquals(List.of(), answer.get("log"));
        assertTrue(orks.calls().isEmpty());
    }

    @Test
    void theLogReadsAskTheRacksToBucketAndAverage() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", (method, request) -> arr());
        MetricsService service = new MetricsService(orks.requests(), AnalyticsSettings.NONE, clock);
        service.temperature(IntervalQuery.of(DAY1, DAY1 + 40 * UtcCalendar.DAY_MS, "weekly", null), false).join();
        JsonView request = orks.calls().getLast().request();
        assertEquals("stat-3h", request.get("key").asText());
        assertEquals("1W", request.get("groupRange").asText());
        assertTrue(request.get("shouldCalculateAvg").isTruthy());
        service.powerModeTimeline(TimelineQuery.of(null, null, null, NOW), false).join();
        JsonView log = orks.calls("tailLog").getLast().request();
        assertEquals(NOW - 30 * UtcCalendar.DAY_MS, log.get("start").asLong());
        assertTrue(log.get("groupRange").isMissing(), "the timeline reads every 3-hour point");
        service.containerHistory(ContainerHistoryQuery.of("c1", null, null, null, NOW), false).join();
        assertEquals(289, orks.calls().getLast().request().get("limit").asLong(), "24 h of 5-minute ticks");
    }

    @Test
    void coolingWithoutACentralDcsIs501BeforeAnyOrkIsAsked() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", (method, request) -> arr());
        MetricsService service = new MetricsService(orks.requests(), AnalyticsSettings.NONE, clock);
        DomainException e = (DomainException) assertThrows(Exception.class, () -> service.cooling(
                IntervalQuery.of(DAY1, DAY2, null, null), false).join()).getCause();
        assertEquals("ERR_FEATURE_NOT_ENABLED", e.code());
        assertTrue(orks.calls().isEmpty());
    }
}
