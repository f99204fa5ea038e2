package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.PowerConsumptionQuery;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site routes over a small fixed site of two ORKs:
 * <pre>
 * ORK 1: group-1, 36 PH/s of 37 nominal, 39 online + 1 in error, site meter 700,000 W, 1 critical + 2 medium
 *        alerts; global config 1.0 MW; F2Pool "site" 60 PH/s, 354 of 361 workers
 * ORK 2: group-2, 35 PH/s of 37 nominal, 36 online, 1 not mining, 3 offline, site meter 650,000 W; 0.5 MW;
 *        the same F2Pool account (counted once)
 * DCS (ORK 2): site main 1,262.4 kW, rack meter 1,190.2 kW feeding Groups 1-2, CCM 72.2 kW
 * </pre>
 */
class SiteServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(DAY1 + 3_600_000), ZoneOffset.UTC);
    private static final AnalyticsSettings DCS = new AnalyticsSettings(true, "t-dcs", false, false, false);

    static Object ork(int n, String method, JsonView request) {
        return switch (method) {
            case "tailLogMulti" -> request.get("keys").items().size() == 1
                    && "powermeter".equals(request.path("keys").at(0).get("type").asText())
                    ? arr(arr(obj("site_power_w", n == 1 ? 700_000 : 650_000))) : liveStats(n, request);
            case "getWrkExtData" -> arr(obj("ts", DAY1, "stats", arr(obj("poolType", "f2pool", "username", "site",
                    "hashrate", dec("6e16"), "worker_count", 361, "active_workers_count", 354))));
            case "getGlobalConfig" -> obj("nominalPowerAvailability_MW", n == 1 ? dec("1.0") : dec("0.5"));
            case "listThings" -> things(n, request);
            case "tailLog" -> arr(obj("ts", DAY1, "site_power_w", n == 1 ? 700_000 : 650_000),
                    obj("ts", DAY1 + 300_000, "site_power_w", n == 1 ? 710_000 : 650_000));
            default -> throw new AssertionError(method);
        };
    }

    private static Object liveStats(int n, JsonView request) {
        if (request.get("keys").items().size() == 1) { // the group overview's miner stats
            String g = "group-" + n;
            return arr(arr(obj("hashrate_mhs_5m_container_group_sum_aggr", obj(g, n == 1 ? dec("3.6e10") : dec("3.5e10")),
                    "hashrate_mhs_5m_pdu_rack_group_sum_aggr", obj(g + "_rack-1", n == 1 ? dec("1.8e10") : dec("1.75e10"),
                            g + "_rack-2", n == 1 ? dec("1.8e10") : dec("1.75e10")),
                    "power_w_container_group_sum_aggr", obj(g, n == 1 ? 600_000 : 590_000),
                    "power_w_pdu_rack_group_sum_aggr", obj(g + "_rack-1", n == 1 ? 300_000 : 295_000,
                            g + "_rack-2", n == 1 ? 300_000 : 295_000),
                    "power_mode_normal_cnt", obj(g, n == 1 ? 39 : 36),
                    "error_cnt", obj(g, n == 1 ? 1 : 0), "offline_cnt", obj(g, n == 1 ? 0 : 3))));
        }
        Object miners = n == 1
                ? obj("hashrate_mhs_1m_sum_aggr", dec("3.6e10"), "nominal_hashrate_mhs_sum_aggr", dec("3.7e10"),
                "online_or_minor_error_miners_amount_aggr", 39, "error_miners_amount_aggr", 1,
                "hashrate_mhs_1m_cnt_aggr", 40, "alerts_aggr", obj("critical", 1, "medium", 2))
                : obj("hashrate_mhs_1m_sum_aggr", dec("3.5e10"), "nominal_hashrate_mhs_sum_aggr", dec("3.7e10"),
                "online_or_minor_error_miners_amount_aggr", 36, "not_mining_miners_amount_aggr", 1,
                "offline_or_sleeping_miners_amount_aggr", 3, "hashrate_mhs_1m_cnt_aggr", 40);
        return arr(arr(miners), arr(obj("site_power_w", n == 1 ? 700_000 : 650_000)),
                arr(obj("container_nominal_miner_capacity_sum_aggr", 40)));
    }

    private static Object things(int n, JsonView request) {
        if (request.path("query.tags").isObject()) { // the DCS thing
            return n == 2 ? arr(dcsThing()) : arr();
        }
        return n == 1 ? arr(obj("id", "pm-site", "tags", arr("t-powermeter"), "last", obj("alerts", arr(
                obj("severity", "high", "createdAt", DAY1, "name", "power_high", "description", "Over the limit")))))
                : arr();
    }

    static Object dcsThing() {
        return obj("id", "dcs-1", "type", "dcs-siemens", "tags", arr("t-dcs"), "last", obj("snap", obj(
                "config", obj(
                        "mining", obj("total_groups", 2, "racks_per_group", 2, "miners_per_rack", 20),
                        "energy_layout", obj("site_meter", "PM-MV", "branches", arr(
                                obj("transformer", "TX-7511", "board", "DB-7511", "meter", "PM-7511",
                                        "feeds", "Groups 1-2"),
                                obj("transformer", "TX-CCM", "board", "DB-CCM", "meter", "PM-CCM",
                                        "feeds", "Cooling & Auxiliary")))),
                "stats", obj("dcs_specific", obj("equipment", obj(
                        "power_meters", arr(
                                obj("equipment", "PM-MV", "role", "site_main", "name", "Site PM",
                                        "power", obj("value", dec("1262.4"), "unit", "kW")),
                                obj("equipment", "PM-7511", "role", "rack",
                                        "power", obj("value", dec("1190.2"), "unit", "kW")),
                                obj("equipment", "PM-CCM", "role", "ccm_principal",
                                        "power", obj("value", dec("72.2"), "unit", "kW"))),
                        "distribution_boards", arr(obj("equipment", "DB-7511", "name", "LV Board 1")),
                        "transformers", arr(obj("equipment", "TX-7511", "name", "TR-1"))))))));
    }

    private static ScriptedOrks site() {
        return new ScriptedOrks().ork("cluster-1", (m, r) -> ork(1, m, r)).ork("cluster-2", (m, r) -> ork(2, m, r));
    }

    private static Map<?, ?> body(ScriptedOrks orks, GatheredAnswer answer) {
        return (Map<?, ?>) orks.body(answer);
    }

    @Test
    void theLiveSnapshotAddsTheOrksUp() {
        ScriptedOrks orks = site();
        Map<?, ?> s = body(orks, new SiteService(orks.requests(), AnalyticsSettings.NONE, CLOCK)
                .statusLive(false).join());
        // 36 + 35 PH/s of 74 nominal: 95.9 %; 700 + 650 kW of 1.5 MW: 90.0 %; 1,350,000 W / 71,000 TH/s = 19.01
        assertEquals(Map.of("valueMhs", 71_000_000_000L, "nominalMhs", 74_000_000_000L, "utilizationPct", 95.9),
                s.get("hashrate"));
        Map<?, ?> power = (Map<?, ?>) s.get("power");
        assertEquals(1_350_000L, power.get("valueW"));
        assertEquals(1_500_000L, power.get("nominalW"));
        assertEquals(90.0, power.get("utilizationPct"));
        assertTrue(((String) power.get("alert")).startsWith("(high) 2026-06-01T00:00:00"), power.toString());
        assertEquals(true, power.get("error"));
        assertEquals(19.01, s.get("efficiencyWThs"));
        assertEquals(Map.of("online", 75L, "offline", 3L, "error", 1L, "notMining", 1L, "total", 80L,
                "containerCapacity", 80L), s.get("miners"));
        assertEquals(Map.of("critical", 1L, "high", 0L, "medium", 2L, "total", 3L), s.get("alerts"));
        assertEquals(Map.of("totalHashrateMhs", 60_000_000_000L, "activeWorkers", 354L, "totalWorkers", 361L),
                s.get("pools"), "the account both ORKs report counts once");
        assertEquals(CLOCK.millis(), s.get("ts"));
    }

    @Test
    void withADcsTheSitePowerIsItsSiteMeter() {
        ScriptedOrks orks = site();
        Map<?, ?> s = body(orks, new SiteService(orks.requests(), DCS, CLOCK).statusLive(false).join());
        assertEquals(1_262_400L, ((Map<?, ?>) s.get("power")).get("valueW"));
    }

    @Test
    void aFailedOrkLeavesTheOthersFiguresAndIsNamed() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", (m, r) -> ork(1, m, r))
                .ork("cluster-2", (m, r) -> ScriptedOrks.FAILED);
        GatheredAnswer answer = new SiteService(orks.requests(), AnalyticsSettings.NONE, CLOCK).statusLive(false).join();
        assertEquals("cluster-2", answer.failures().getFirst().orkId());
        assertEquals(700_000L, ((Map<?, ?>) body(orks, answer).get("power")).get("valueW"));
    }

    @Test
    void withoutAnythingTheFiguresAreZeroOrNull() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", (m, r) -> m.equals("getGlobalConfig") ? obj() : arr());
        Map<?, ?> s = body(orks, new SiteService(orks.requests(), AnalyticsSettings.NONE, CLOCK)
                .statusLive(false).join());
        Map<?, ?> power = (Map<?, ?>) s.get("power");
        assertNull(power.get("valueW"), "no meter: unknown, not 0");
        assertNull(power.get("utilizationPct"));
        assertNull(s.get("efficiencyWThs"));
        assertNull(((Map<?, ?>) s.get("hashrate")).get("utilizationPct"));
    }

    @Test
    void thePowerSeriesIsSummedPerTickOverTheOrks() {
        ScriptedOrks orks = site();
        PowerConsumptionQuery query = PowerConsumptionQuery.of(DAY1, DAY1 + 600_000, null, "t-powermeter", null,
                null, null);
        Map<?, ?> s = body(orks, new SiteService(orks.requests(), AnalyticsSettings.NONE, CLOCK)
                .powerConsumption(query, false).join());
        assertEquals(List.of(Map.of("ts", DAY1, "valueW", 1_350_000L), Map.of("ts", DAY1 + 300_000, "valueW",
                1_360_000L)), s.get("log"));
        assertEquals(Map.of("minW", 1_350_000L, "maxW", 1_360_000L, "avgW", 1_355_000L, "currentW", 1_350_000L),
                s.get("summary"), "current: the meters' live value");
        JsonView sent = orks.calls("tailLog").getFirst().request();
        assertEquals("powermeter", sent.get("type").asText());
        assertEquals("stat-5m", sent.get("key").asText());
        assertEquals(288L, sent.get("limit").asLong());
    }

    @Test
    void theGroupOverviewHasRackTotalsAndTheDcsShares() {
        ScriptedOrks orks = site();
        Map<?, ?> s = body(orks, new SiteService(orks.requests(), DCS, CLOCK).overviewGroups(false).join());
        List<?> groups = (List<?>) s.get("groups");
        assertEquals(2, groups.size());
        Map<?, ?> g1 = (Map<?, ?>) groups.getFirst();
        // the rack meter's 1,190.2 kW split 36:35 by hashrate: 603.48 kW for group-1, over 36,000 TH/s = 16.8
        Map<?, ?> summary = (Map<?, ?>) g1.get("summary");
        assertEquals(Map.of("value", 603.48, "unit", "kW"), summary.get("consumption"));
        assertEquals(Map.of("value", 16.8, "unit", "W/TH/s"), summary.get("efficiency"));
        Map<?, ?> rack = (Map<?, ?>) ((List<?>) g1.get("racks")).getFirst();
        // a rack's total: 18 PH/s and 300 kW, 16.7 W/TH/s (the Node gateway's per-miner average gave ~1,600)
        assertEquals(Map.of("value", 18.0, "unit", "PH/s"), rack.get("hashrate"));
        assertEquals(Map.of("value", 16.7, "unit", "W/TH/s"), rack.get("efficiency"));
        assertEquals("Rack 1", rack.get("name"));
        Map<?, ?> status = (Map<?, ?>) g1.get("status");
        assertEquals(40L, status.get("total"));
        assertEquals(0L, status.get("empty"), "2 racks x 20 slots, 40 miners counted");
    }

    @Test
    void withoutADcsTheGroupsAreTheContainers() {
        ScriptedOrks orks = site();
        Map<?, ?> s = body(orks, new SiteService(orks.requests(), AnalyticsSettings.NONE, CLOCK)
                .overviewGroups(false).join());
        Map<?, ?> g2 = (Map<?, ?>) ((List<?>) s.get("groups")).get(1);
        assertEquals("group-2", g2.get("id"));
        assertEquals(Map.of("value", 590.0, "unit", "kW"), ((Map<?, ?>) g2.get("summary")).get("consumption"));
        assertNull(((Map<?, ?>) g2.get("status")).get("empty"), "no layout: empty slots unknown");
    }

    @Test
    void theEfficiencyPageReadsTheDcsMeters() {
        ScriptedOrks orks = site();
        Map<?, ?> s = body(orks, new SiteService(orks.requests(), DCS, CLOCK).efficiency(false).join());
        Map<?, ?> summary = (Map<?, ?>) s.get("summary");
        // 1,262,400 W / 71,000 TH/s = 17.78; 1,190,200 / 71,000 = 16.76; 72.2 / 1,262.4 = 5.7 %
        assertEquals(Map.of("value", 17.78, "unit", "W/TH/s"), summary.get("site_efficiency"));
        assertEquals(Map.of("value", 16.76, "unit", "W/TH/s"), summary.get("mining_efficiency"));
        assertEquals(Map.of("value", 1.262, "unit", "MW"), summary.get("total_consumption"));
        assertEquals(Map.of("value", 5.7, "unit", "%"), summary.get("ca_overhead"));
        Map<?, ?> meter = (Map<?, ?>) ((List<?>) s.get("efficiency_per_meter")).getFirst();
        assertEquals("LV Board 1", meter.get("board_name"));
        assertEquals(80, meter.get("miners"));
        assertEquals(3, ((List<?>) s.get("consumption_breakdown")).size());
    }

    @Test
    void theEfficiencyPageNeedsADcsAndItsThing() {
        ScriptedOrks orks = site();
        DomainException off = assertThrows(DomainException.class,
                () -> new SiteService(orks.requests(), AnalyticsSettings.NONE, CLOCK).efficiency(false));
        assertEquals(ErrorKind.NOT_CONFIGURED, off.kind());
        assertEquals("ERR_FEATURE_NOT_ENABLED", off.code());
        assertTrue(orks.calls().isEmpty());
        ScriptedOrks noDcs = new ScriptedOrks().ork("cluster-1", (m, r) -> ork(1, m, r));
        CompletionException missing = assertThrows(CompletionException.class,
                () -> new SiteService(noDcs.requests(), DCS, CLOCK).efficiency(false).join());
        DomainException notFound = assertInstanceOf(DomainException.class, missing.getCause());
        assertEquals("ERR_DCS_DATA_NOT_FOUND", notFound.code());
    }
}
