package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.pools.PoolAccounts;
import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.NOW;
import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteLiveTest {

    /** The fixed site's real-time records: group-1 on ORK 1, group-2 on ORK 2. */
    static List<JsonView> live() {
        Object ork1 = arr(
                arr(obj("hashrate_mhs_1m_sum_aggr", dec("3.6e10"), "nominal_hashrate_mhs_sum_aggr", dec("3.7e10"),
                        "online_or_minor_error_miners_amount_aggr", 39, "error_miners_amount_aggr", 1,
                        "not_mining_miners_amount_aggr", 0, "offline_or_sleeping_miners_amount_aggr", 0,
                        "hashrate_mhs_1m_cnt_aggr", 40, "alerts_aggr", obj("critical", 1, "high", 2))),
                arr(obj("site_power_w", 640_000, "alerts_aggr", obj("medium", 3))),
                arr(obj("container_nominal_miner_capacity_sum_aggr", 40)));
        Object ork2 = arr(
                arr(obj("hashrate_mhs_1m_sum_aggr", dec("3.5e10"), "nominal_hashrate_mhs_sum_aggr", dec("3.6e10"),
                        "online_or_minor_error_miners_amount_aggr", 36, "not_mining_miners_amount_aggr", 1,
                        "offline_or_sleeping_miners_amount_aggr", 3, "hashrate_mhs_1m_cnt_aggr", 39,
                        "alerts_aggr", obj("medium", 2, "low", 5))),
                arr(obj("site_power_w", dec("622400"))),
                arr(obj("container_nominal_miner_capacity_sum_aggr", 40)));
        return answers(ork1, ork2);
    }

    @Test
    void theLiveSnapshotAddsUpTheOrks() {
        SiteStatus.Live live = SiteStatus.read(live());
        assertEquals(new SiteStatus.Live(7.1e10, 7.3e10, 75, 1, 1, 3, 79, 1_262_400.0, 80, 1, 2, 5), live);
        SiteNominals nominals = SiteNominals.read(answers(obj("nominalPowerAvailability_MW", dec("1.5")),
                obj("nominalAvailablePowerMWh", dec("0.5"))));
        assertEquals(new SiteNominals(null, 2.0), nominals);
        PoolAccounts.Summary pools = new PoolAccounts.Summary(2, 7.0e16, 75, 70, new BigDecimal("3.5"));
        Object meterAlerts = arr(obj("severity", "high", "createdAt", DAY1, "name", "power_high",
                "description", "Site power high", "message", "1.26 MW"),
                obj("severity", "medium", "createdAt", "bad", "name", "x", "description", "y"));
        SiteStatus.Snapshot s = SiteStatus.of(live, null, nominals, pools, JsonView.of(meterAlerts), NOW);
        // 7.1e10 of a nominal 7.3e10 MH/s = 97.26 %
        assertEquals(new SiteStatus.HashrateView(7.1e10, 7.3e10, 97.3), s.hashrate());
        // 1,262,400 W of 2 MW = 63.12 %
        assertEquals(new SiteStatus.PowerView(1_262_400.0, 2e6, 63.1,
                "(high) 2026-06-01T00:00:00Z : power_high Description: Site power high 1.26 MW,\n\n"
                        + "(medium) : x Description: y ", true), s.power());
        assertEquals(17.78, s.efficiencyWThs()); // 1,262,400 W / 71,000 TH/s
        assertEquals(new SiteStatus.Miners(75, 3, 1, 1, 79, 80), s.miners());
        assertEquals(new SiteStatus.Alerts(1, 2, 5, 8), s.alerts()); // low is not counted
        assertEquals(new SiteStatus.Pools(7.0e10, 70, 75), s.pools()); // 7e16 H/s = 7e10 MH/s
        assertEquals(NOW, s.ts());
    }

    @Test
    void theDcsSiteMeterRulesAndNothingKnownStaysNull() {
        SiteStatus.Live live = SiteStatus.read(live());
        SiteStatus.Snapshot dcs = SiteStatus.of(live, 1_262_400.0 + 100, new SiteNominals(null, null),
                PoolAccounts.summary(List.of()), JsonView.of(null), NOW);
        assertEquals(1_262_500.0, dcs.power().valueW());
        assertNull(dcs.power().utilizationPct());
        assertEquals("", dcs.power().alert());
        SiteStatus.Snapshot empty = SiteStatus.of(SiteStatus.read(answers(arr(), "[HRPC_ERR]=x")), null,
                new SiteNominals(null, null), PoolAccounts.summary(List.of()), JsonView.of(arr()), NOW);
        assertNull(empty.power().valueW());
        assertNull(empty.efficiencyWThs());
        assertNull(empty.hashrate().utilizationPct());
        assertEquals(new SiteStatus.Alerts(0, 0, 0, 0), empty.alerts());
    }

    @Test
    void powerSeriesRequestsFollowTheTag() {
        assertEquals(new PowerSeries.Request("miner", "stat-5m", "power_w_sum_aggr"),
                PowerSeries.Request.of(null, null, null, false));
        assertEquals(new PowerSeries.Request("powermeter", "stat-5m", "site_power_w"),
                PowerSeries.Request.of("t-powermeter", "", null, false));
        assertEquals(new PowerSeries.Request("powermeter", "stat-30m", "transformer_power_w"),
                PowerSeries.Request.of("t-powermeter", "30m", null, true));
        PowerSeries.Request container = PowerSeries.Request.of("container-bitdeer-7b", "1D", null, false);
        assertEquals(new PowerSeries.Request("container", "stat-1D", "container_power_w_aggr.bitdeer-7b"), container);
        assertEquals("container_power_w_aggr", container.aggrField());
        assertEquals("ERR_TAG_INVALID", assertThrows(DomainException.class,
                () -> PowerSeries.Request.of("t-miner\"}", null, null, false)).code());
        assertEquals("ERR_INTERVAL_INVALID", assertThrows(DomainException.class,
                () -> PowerSeries.Request.of(null, "2m", null, false)).code());
        assertEquals("ERR_POWERATTRIBUTE_INVALID", assertThrows(DomainException.class,
                () -> PowerSeries.Request.of(null, null, "$where", false)).code());
    }

    @Test
    void powerSeriesAddsOrksPerTickAndSummarises() {
        long t0 = DAY1;
        long t1 = DAY1 + 300_000;
        Object ork1 = arr(obj("ts", t0, "site_power_w", 640_000), obj("ts", t1, "site_power_w", 641_000),
                obj("ts", t1 + 300_000, "other", 1));
        Object ork2 = arr(obj("ts", t0, "site_power_w", 622_400), obj("ts", t1, "site_power_w", 620_100));
        List<PowerSeries.Point> points = PowerSeries.read(answers(ork1, ork2), "site_power_w");
        assertEquals(List.of(new PowerSeries.Point(t0, 1_262_400), new PowerSeries.Point(t1, 1_261_100)), points);
        // mean (1,262,400 + 1,261,100) / 2; current: the last tick without a live value
        assertEquals(new PowerSeries.Summary(1_261_100.0, 1_262_400.0, 1_261_750.0, 1_261_100.0),
                PowerSeries.summary(points, null));
        assertEquals(new PowerSeries.Summary(null, null, null, 5.0), PowerSeries.summary(List.of(), 5.0));
        Object containers = arr(obj("ts", t0, "container_power_w_aggr", obj("group-1", 632_000)));
        assertEquals(List.of(new PowerSeries.Point(t0, 632_000)),
                PowerSeries.read(answers(containers), "container_power_w_aggr.group-1"));
    }
}
