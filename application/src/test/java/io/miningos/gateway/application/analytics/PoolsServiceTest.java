package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.BalanceHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.PoolsQuery;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY3;
import static io.miningos.gateway.domain.analytics.FixedSite.JULY1;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The pools of the fixed site: F2Pool "site" (60 PH/s, 354 of 361 workers, 3.41822019 BTC unpaid) and Ocean
 * "site-ocean" (idle, 0.1120012 BTC), the F2Pool account reported by both ORKs.
 */
class PoolsServiceTest {

    static Object stats(String method, JsonView request) {
        assertEquals("getWrkExtData", method);
        if (!"stats".equals(request.path("query.key").asText())) {
            return transactions(request);
        }
        return arr(obj("ts", DAY3, "stats", arr(
                obj("poolType", "f2pool", "username", "site", "balance", dec("3.41822019"), "hashrate", dec("6.0e16"),
                        "worker_count", 361, "active_workers_count", 354, "revenue_24h", dec("0.02"),
                        "yearlyBalances", arr(obj("month", "6-2026", "balance", dec("0.075")))),
                obj("poolType", "ocean", "username", "site-ocean", "balance", dec("0.1120012"),
                        "worker_count", 9, "active_workers_count", 0))));
    }

    /** Ocean paid 0.03 BTC for June 1 and 0.025 for June 2; F2Pool 0.02 for June 3 and 0.01 for July 1. */
    static Object transactions(JsonView request) {
        String type = request.get("type").asText();
        Object ocean = arr(obj("ts", DAY1, "transactions", arr(obj("username", "site-ocean", "id", 1,
                        "satoshis_net_earned", 3_000_000, "mining_extra", obj("mining_date", DAY1 / 1000,
                                "hash_rate", dec("5e16"))))),
                obj("ts", DAY2, "transactions", arr(obj("username", "site-ocean", "id", 2,
                        "satoshis_net_earned", 2_500_000, "mining_extra", obj("mining_date", DAY2 / 1000,
                                "hash_rate", dec("4e16"))))));
        Object f2pool = arr(obj("ts", DAY3, "transactions", arr(obj("username", "site", "id", 3,
                        "changed_balance", dec("0.02"), "mining_extra", obj("mining_date", DAY3 / 1000)))),
                obj("ts", JULY1, "transactions", arr(obj("username", "site", "id", 4,
                        "changed_balance", dec("0.01"), "mining_extra", obj("mining_date", JULY1 / 1000)))));
        return switch (type) {
            case "minerpool-ocean" -> ocean;
            case "minerpool-f2pool" -> f2pool;
            default -> {
                List<Object> all = arr();
                all.addAll((List<?>) ocean);
                all.addAll((List<?>) f2pool);
                yield all;
            }
        };
    }

    private static PoolsQuery query(Object query, Object sort, Object fields) {
        return PoolsQuery.of(query, sort, fields, Arrays.asList(String.valueOf(query), String.valueOf(sort),
                String.valueOf(fields)));
    }

    private static Map<?, ?> body(ScriptedOrks orks, GatheredAnswer answer) {
        return (Map<?, ?>) orks.body(answer);
    }

    @Test
    void eachAccountIsListedOnceTheSummaryCoversThemAllAndTheClientsQueryAppliesToTheList() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", PoolsServiceTest::stats)
                .ork("cluster-2", PoolsServiceTest::stats);
        PoolsService service = new PoolsService(orks.requests());
        Map<?, ?> all = body(orks, service.pools(query(null, obj("balance", 1), null), false).join());
        List<?> pools = (List<?>) all.get("pools");
        assertEquals(2, pools.size(), "the F2Pool account both ORKs report counts once");
        Map<?, ?> ocean = (Map<?, ?>) pools.get(0);
        assertEquals("site-ocean", ocean.get("name"));
        assertEquals("inactive", ocean.get("status"), "no worker hashing");
        assertEquals(60_000_000_000_000_000L, ((Map<?, ?>) pools.get(1)).get("hashrate"));
        Map<?, ?> summary = (Map<?, ?>) all.get("summary");
        assertEquals(2, summary.get("poolCount"));
        assertEquals(370L, summary.get("totalWorkers"));
        assertEquals(354L, summary.get("totalActiveWorkers"));
        assertEquals(dec("3.53022139"), summary.get("totalBalance")); // 3.41822019 + 0.1120012, exactly

        Map<?, ?> active = body(orks, service.pools(query(obj("status", "active"), null,
                obj("name", 1, "balance", 1)), false).join());
        assertEquals(List.of(obj("name", "site", "balance", dec("3.41822019"))), active.get("pools"));
        assertEquals(2, ((Map<?, ?>) active.get("summary")).get("poolCount"), "the summary is over every account");
    }

    @Test
    void whatTheQueryEngineRefusesIsA400Code() {
        assertEquals("ERR_QUERY_INVALID", assertThrows(DomainException.class,
                () -> query(obj("name", obj("$where", "1")), null, null)).code());
        assertEquals("ERR_SORT_INVALID", assertThrows(DomainException.class,
                () -> query(null, obj("hashrate", 2), null)).code());
        assertEquals("ERR_FIELDS_INVALID", assertThrows(DomainException.class,
                () -> query(null, null, obj("name", 1, "balance", 0))).code());
    }

    @Test
    void aFailedOrkIsReportedAndTheOtherAccountsStand() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", PoolsServiceTest::stats)
                .ork("cluster-2", (m, r) -> ScriptedOrks.FAILED);
        GatheredAnswer answer = new PoolsService(orks.requests()).pools(query(null, null, null), false).join();
        assertEquals(List.of("cluster-2"), answer.failures().stream().map(OrkFailure::orkId).toList());
        assertEquals(2, ((List<?>) body(orks, answer).get("pools")).size());
    }

    @Test
    void balanceHistoryBucketsThePoolsRevenueByCalendarMonthWithARunningTotal() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", PoolsServiceTest::stats);
        PoolsService service = new PoolsService(orks.requests());
        List<?> log = (List<?>) body(orks, service.balanceHistory(BalanceHistoryQuery.of("all", DAY1,
                JULY1 + UtcCalendar.DAY_MS - 1, "1M"), false).join()).get("log");
        assertEquals(2, log.size());
        Map<?, ?> june = (Map<?, ?>) log.get(0);
        assertEquals(DAY1, june.get("ts"));
        assertEquals(dec("0.07500000"), june.get("revenueBTC")); // 0.03 + 0.025 + 0.02
        assertEquals(45_000_000_000_000_000L, june.get("hashrateHs")); // mean of the days that report one
        Map<?, ?> july = (Map<?, ?>) log.get(1);
        assertEquals(JULY1, july.get("ts"));
        assertEquals(dec("0.08500000"), july.get("cumulativeRevenueBTC"));
        assertNull(july.get("hashrateHs"), "F2Pool reported no hashrate that day");

        List<?> f2pool = (List<?>) body(orks, service.balanceHistory(BalanceHistoryQuery.of("f2pool", DAY1,
                DAY3 + UtcCalendar.DAY_MS - 1, null), false).join()).get("log");
        assertEquals("minerpool-f2pool", orks.calls().getLast().request().get("type").asText());
        assertEquals(1, f2pool.size(), "July 1 lies outside the range");
        assertEquals(DAY3, ((Map<?, ?>) f2pool.get(0)).get("ts"));
    }

    @Test
    void balanceHistoryParametersAreChecked() {
        assertEquals("ERR_POOL_INVALID", assertThrows(DomainException.class,
                () -> BalanceHistoryQuery.of("F2Pool", DAY1, DAY2, null)).code());
        assertEquals("ERR_RANGE_INVALID", assertThrows(DomainException.class,
                () -> BalanceHistoryQuery.of("all", DAY1, DAY2, "1Y")).code());
        assertEquals("ERR_INVALID_DATE_RANGE", assertThrows(DomainException.class,
                () -> BalanceHistoryQuery.of("all", DAY2, DAY1, null)).code());
    }
}
