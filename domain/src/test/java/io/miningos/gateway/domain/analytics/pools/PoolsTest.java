package io.miningos.gateway.domain.analytics.pools;

import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.finance.PoolDay;
import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY3;
import static io.miningos.gateway.domain.analytics.FixedSite.WEEK;
import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PoolsTest {

    /** The fixed site's pools: F2Pool "site" (60 PH/s, 354 of 361 workers) and Ocean "site-ocean" (idle). */
    static Object ork1() {
        return arr(obj("ts", "1780444800000", "stats", arr(
                obj("poolType", "f2pool", "username", "site", "timestamp", 1_780_444_860_112L,
                        "balance", dec("3.41822019"), "unsettled", dec("0.01802233"), "revenue_24h", dec("0.03"),
                        "hashrate", dec("6.0e16"), "hashrate_1h", dec("5.9e16"), "hashrate_24h", dec("5.8e16"),
                        "worker_count", 361, "active_workers_count", 354,
                        "yearlyBalances", arr(obj("month", "6-2026", "balance", dec("0.075")), obj("month", 5))),
                obj("poolType", "ocean", "username", "site-ocean", "balance", dec("0.1120012"),
                        "estimated_today_income", dec("0.002"), "worker_count", 9, "active_workers_count", 0))));
    }

    @Test
    void accountsAreReadOnceAcrossEntriesAndOrksWithExactBalances() {
        // ORK 2 reports the F2Pool account again (same pool and user): it counts once
        Object ork2 = arr(obj("ts", "1780444800000", "stats", arr(obj("poolType", "f2pool", "username", "site",
                "balance", 99, "worker_count", 1000)), "workers", arr()), "junk");
        List<PoolAccount> accounts = PoolAccounts.read(answers(ork1(), ork2, "[HRPC_ERR]=x"));
        assertEquals(2, accounts.size());
        PoolAccount f2 = accounts.getFirst();
        assertEquals("active", f2.status());
        assertEquals("inactive", accounts.get(1).status()); // no worker hashing
        Map<String, Object> doc = f2.toDocument();
        assertEquals("site", doc.get("name"));
        assertEquals(60_000_000_000_000_000L, doc.get("hashrate")); // H/s as the pool reports, whole
        assertEquals(dec("3.41822019"), doc.get("balance"));
        assertEquals(dec("0.03000000"), doc.get("revenue24h"));
        assertEquals(List.of(obj("month", "6-2026", "balance", dec("0.07500000"))), doc.get("yearlyBalances"));
        assertEquals(dec("0.00200000"), accounts.get(1).toDocument().get("revenue24h")); // estimated income
        PoolAccounts.Summary summary = PoolAccounts.summary(accounts);
        // 3.41822019 + 0.1120012 = 3.53022139 BTC, exactly
        assertEquals(new PoolAccounts.Summary(2, 6.0e16, 370, 354, dec("3.53022139")), summary);
    }

    @Test
    void noPoolsGiveZeroTotals() {
        assertEquals(new PoolAccounts.Summary(0, 0, 0, 0, dec("0E-8")),
                PoolAccounts.summary(PoolAccounts.read(answers(arr()))));
    }

    @Test
    void balanceHistoryBucketsDaysIntoCalendarWeeksAndMonths() {
        Map<Long, PoolDay> days = Map.of(
                WEEK - 86_400_000L, new PoolDay(new Sats(1_000_000), null, Hashrate.ofHs(5e16), 1), // Sat 05-30
                DAY1, new PoolDay(new Sats(3_000_000), null, Hashrate.ofHs(6e16), 1),
                DAY2, new PoolDay(new Sats(2_500_000), null, Hashrate.ofHs(4e16), 1),
                DAY3, new PoolDay(Sats.ZERO, null, null, 1)); // nothing earned, nothing hashed: left out
        List<BalanceHistory.Point> weekly = BalanceHistory.points(days, BalanceHistory.parseRange("1W"));
        assertEquals(List.of(
                new BalanceHistory.Point(WEEK - 7 * 86_400_000L, dec("0.01000000"), dec("0.01000000"), 5e16),
                // 0.03 + 0.025 and the mean of 60 and 40 PH/s
                new BalanceHistory.Point(WEEK, dec("0.05500000"), dec("0.06500000"), 5e16)), weekly);
        List<BalanceHistory.Point> monthly = BalanceHistory.points(days, BalanceHistory.parseRange("1M"));
        assertEquals(List.of(DAY1 - 31 * 86_400_000L, DAY1), monthly.stream().map(BalanceHistory.Point::ts).toList());
        assertEquals(3, BalanceHistory.points(days, Period.DAILY).size());
        assertEquals(Period.DAILY, BalanceHistory.parseRange(null));
        assertEquals("ERR_RANGE_INVALID",
                assertThrows(DomainException.class, () -> BalanceHistory.parseRange("2D")).code());
    }

    @Test
    void aDayWithHashrateButNoRevenueStillShows() {
        List<BalanceHistory.Point> points = BalanceHistory.points(
                Map.of(DAY1, new PoolDay(Sats.ZERO, null, Hashrate.ofHs(1e16), 1)), Period.DAILY);
        assertEquals(List.of(new BalanceHistory.Point(DAY1, new BigDecimal("0E-8"), new BigDecimal("0E-8"), 1e16)),
                points);
    }

    /** Container c1 uses config A: one miner follows it, one overrides with B, one has none; c2 has no config. */
    static Object things() {
        return arr(
                obj("id", "c1", "type", "container-bd-d40-m56", "rack", "container-bd-d40-m56-site1",
                        "info", obj("container", "bitdeer-1", "poolConfig", "A")),
                obj("id", "m1", "type", "miner-am-s21", "rack", "miner-am-s21-shelf-1",
                        "info", obj("container", "bitdeer-1", "poolConfig", "A")),
                obj("id", "m2", "rack", "miner-am-s21-shelf-1", "info", obj("container", "bitdeer-1",
                        "poolConfig", "B")),
                obj("id", "m3", "type", "miner-am-s21", "info", obj("container", "bitdeer-1")),
                obj("id", "c2", "type", "container-mbt-kehua", "info", obj("container", "microbt-2")),
                obj("id", "m4", "type", "miner-wm-m56s", "info", obj("container", "microbt-2", "poolConfig", "A")),
                obj("type", "no id"));
    }

    @Test
    void configUsageCountsContainersAndMinersOverEveryOrk() {
        // ORK 2 repeats m1 (counted once) and adds a container using B
        Object ork2 = arr(obj("id", "m1", "type", "miner-am-s21", "info", obj("poolConfig", "A")),
                obj("id", "c9", "type", "container-as-hk3", "info", obj("container", "as-9", "poolConfig", "B")));
        List<PoolConfigUsage.ThingConfig> all = PoolConfigUsage.read(answers(things(), ork2));
        assertEquals(Map.of("A", new PoolConfigUsage.Usage(1, 2), "B", new PoolConfigUsage.Usage(1, 1),
                "C", new PoolConfigUsage.Usage(0, 0)), PoolConfigUsage.byConfig(List.of("A", "B", "C"), all));
    }

    @Test
    void overridesAreDevicesOfTheContainerWithAnotherConfig() {
        List<PoolConfigUsage.ThingConfig> all = PoolConfigUsage.read(answers(things()));
        assertEquals(1, PoolConfigUsage.overriddenIn("bitdeer-1", "A", all)); // m2
        assertEquals(0, PoolConfigUsage.overriddenIn("microbt-2", null, all));
        assertEquals(List.of(new PoolConfigUsage.ContainerOverrides("bitdeer-1", 1),
                new PoolConfigUsage.ContainerOverrides("microbt-2", 0)), PoolConfigUsage.containers(all));
        assertNull(PoolConfigUsage.ThingConfig.read(io.miningos.gateway.domain.analytics.JsonView.of("x")));
    }
}
