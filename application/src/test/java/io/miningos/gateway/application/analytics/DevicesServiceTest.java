package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.ExplorerQuery;
import io.miningos.gateway.application.analytics.port.in.MinersQuery;
import io.miningos.gateway.application.analytics.port.in.RackStatsQuery;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rack lists and the miner list over the fixed site of {@link SiteServiceTest}. */
class DevicesServiceTest {

    private static final AnalyticsSettings DCS = new AnalyticsSettings(true, "t-dcs", false, false, false);

    private static ScriptedOrks site() {
        return new ScriptedOrks().ork("cluster-1", (m, r) -> SiteServiceTest.ork(1, m, r))
                .ork("cluster-2", (m, r) -> SiteServiceTest.ork(2, m, r));
    }

    @Test
    void withADcsTheRacksAreTheLayoutsInOrderWithTheStatsFigures() {
        ScriptedOrks orks = site();
        Map<?, ?> body = (Map<?, ?>) orks.body(new DevicesService(orks.requests(), DCS)
                .rackStats(RackStatsQuery.of("group-2_rack-1,group-1_rack-1"), false).join());
        List<?> data = (List<?>) body.get("data");
        assertEquals(2, body.get("totalCount"));
        Map<?, ?> first = (Map<?, ?>) data.getFirst();
        assertEquals("group-1_rack-1", first.get("id"), "layout order, not the asked order");
        assertEquals("Rack 1", first.get("name"));
        assertEquals(20, first.get("miners_count"));
        // group-2's first rack: 295,000 W over 17,500 TH/s = 16.857 -> 16.9; it is "Rack 3" of the site
        Map<?, ?> third = (Map<?, ?>) data.get(1);
        assertEquals("Rack 3", third.get("name"));
        assertEquals(Map.of("value", 16.9, "unit", "W/TH/s"), third.get("efficiency"));
        assertEquals(Map.of("value", 17.5, "unit", "PH/s"), third.get("hashrate"));
    }

    @Test
    void theExplorerSortsNamesNaturallyAndPages() {
        ScriptedOrks orks = site();
        Map<?, ?> body = (Map<?, ?>) orks.body(new DevicesService(orks.requests(), DCS).explorerRacks(
                ExplorerQuery.of(null, null, Map.of("efficiency", -1), 0L, 2L), false).join());
        List<?> data = (List<?>) body.get("data");
        // efficiencies: group-2's racks 16.9, group-1's 16.7
        assertEquals("group-2_rack-1", ((Map<?, ?>) data.getFirst()).get("id"));
        assertEquals(4, body.get("totalCount"));
        assertEquals(true, body.get("hasMore"));
    }

    @Test
    void theMinerListMergesTheOrksAndCountsWithThem() {
        ScriptedOrks orks = new ScriptedOrks()
                .ork("cluster-1", (m, r) -> m.equals("getThingsCount") ? 120
                        : arr(obj("id", "m-10", "last", obj("snap", obj("stats", obj("power_w", 3000))))))
                .ork("cluster-2", (m, r) -> m.equals("getThingsCount") ? 80
                        : arr(obj("id", "m-9", "last", obj("snap", obj("stats", obj("power_w", 3100))))));
        Map<?, ?> body = (Map<?, ?>) orks.body(new DevicesService(orks.requests(), AnalyticsSettings.NONE).miners(
                MinersQuery.of(null, Map.of("power", -1), Map.of("power", 1), null, null, 1L,
                        Arrays.asList(null, "p", "f", null, null, "1")), false).join());
        assertEquals(List.of(Map.of("id", "m-9", "power", 3100)), body.get("data"));
        assertEquals(200L, body.get("totalCount"));
        assertEquals(1, orks.calls("listThings").getFirst().request().get("limit").asLong().intValue());
    }

    @Test
    void withPoolStatsAMinerNamingAPoolWorkerShowsItsHashrate() {
        AnalyticsSettings poolStats = new AnalyticsSettings(false, "t-dcs", false, false, true);
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", (m, r) -> switch (m) {
            case "getThingsCount" -> 2;
            case "getWrkExtData" -> arr(obj("ts", 1, "stats", arr(obj("poolType", "f2pool", "workers",
                    obj("AM-10", obj("hashrate", 2.0e14))))));
            default -> arr(obj("id", "m-10", "code", "AM-10"), obj("id", "m-11", "code", "AM-11"));
        });
        Map<?, ?> body = (Map<?, ?>) orks.body(new DevicesService(orks.requests(), poolStats).miners(
                MinersQuery.of(null, null, null, null, null, null, Arrays.asList(null, null, null, null, null, null)),
                false).join());
        List<?> data = (List<?>) body.get("data");
        assertEquals(2.0e14, ((Map<?, ?>) data.get(0)).get("poolHashrate"), "the worker named by the miner's code");
        assertEquals(null, ((Map<?, ?>) data.get(1)).get("poolHashrate"), "no worker: left out");
        ScriptedOrks plain = new ScriptedOrks().ork("cluster-1", (m, r) -> m.equals("getThingsCount") ? 0 : arr());
        new DevicesService(plain.requests(), AnalyticsSettings.NONE).miners(MinersQuery.of(null, null, null, null,
                null, null, Arrays.asList(null, null, null, null, null, null)), false).join();
        assertEquals(List.of(), plain.calls("getWrkExtData"), "without poolStats the pools are not asked");
    }
}
