package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.NaturalText;
import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteLayoutTest {

    @Test
    void theDcsThingIsTheFirstWithASnapshot() {
        DcsSite dcs = FixedSiteStats.dcs();
        assertEquals("dcs-1", dcs.id());
        assertEquals(new DcsSite.Mining(2, 2, 20, 129, "S21"), dcs.mining());
        assertEquals("PM-MV", dcs.siteMeter().equipment());
        assertEquals(List.of("group-1", "group-2"), dcs.groups());
        assertNull(DcsSite.find(answers(List.of())));
    }

    @Test
    void feedsNameTheGroupsABranchCovers() {
        assertEquals(List.of("group-1", "group-2", "group-3"), Feeds.groups("Groups 1-3"));
        assertEquals(List.of("group-4"), Feeds.groups("group 4"));
        assertEquals(List.of(), Feeds.groups("Cooling & Auxiliary"));
        assertEquals(true, Feeds.feedsMining("Groups 1-2"));
        assertEquals(false, Feeds.feedsMining("Cooling & Auxiliary"));
        assertEquals(12, Feeds.groupNumber("group-12"));
        assertEquals(0, Feeds.groupNumber("bitdeer-7b"));
    }

    @Test
    void aRackMeterSplitsOverItsGroupsByHashrate() {
        Map<String, Double> kw = FixedSiteStats.dcs().groupPowerKw(Map.of("group-1", 3.6e10, "group-2", 3.5e10));
        assertEquals(1190.2 * 36 / 71, kw.get("group-1"), 1e-9); // 603.48…
        assertEquals(1190.2 * 35 / 71, kw.get("group-2"), 1e-9); // 586.72…
        Map<String, Double> idle = FixedSiteStats.dcs().groupPowerKw(Map.of());
        assertEquals(595.1, idle.get("group-1"), 1e-9); // no hashrate: equal halves
    }

    @Test
    void groupOverviewWithTheDcsLayout() {
        List<GroupOverview.Group> groups = GroupOverview.groups(MinerGroupStats.read(FixedSiteStats.minerStats()),
                FixedSiteStats.dcs());
        GroupOverview.Group g1 = groups.getFirst();
        assertEquals("group-1", g1.id());
        assertEquals("Group 1", g1.name());
        // the DCS share: 1,190.2 kW × 36/71 = 603.48 kW; 603,481.7 W / 36,000 TH/s = 16.76 → 16.8 W/TH/s
        assertEquals(new RackFigures(16.8, 603.48, 36.0), g1.summary());
        assertEquals(List.of(
                new GroupOverview.Rack("rack-1", "group-1_rack-1", "Rack 1", new RackFigures(16.7, 300.0, 18.0)),
                new GroupOverview.Rack("rack-2", "group-1_rack-2", "Rack 2", new RackFigures(16.7, 300.0, 18.0))),
                g1.racks()); // rack total 18 PH/s, 300 kW: 300,000 / 18,000 = 16.67 W/TH/s
        assertEquals(new GroupOverview.Status(0, 1, 0, 0, 39, 0, 0, 0L, 40), g1.status());
        GroupOverview.Group g2 = groups.get(1);
        assertEquals(new RackFigures(16.8, 586.72, 35.0), g2.summary());
        assertEquals(List.of("pdu-a", "pdu-b"), g2.racks().stream().map(GroupOverview.Rack::id).toList());
        assertEquals(new GroupOverview.Status(2, 0, 1, 0, 36, 0, 0, 1L, 39), g2.status()); // 40 slots − 39
    }

    @Test
    void withoutADcsTheGroupsAreTheContainersAndTheirMinersPower() {
        List<GroupOverview.Group> groups = GroupOverview.groups(MinerGroupStats.read(FixedSiteStats.minerStats()),
                null);
        assertEquals(List.of("group-1", "group-2"), groups.stream().map(GroupOverview.Group::id).toList());
        assertEquals(new RackFigures(16.7, 600.0, 36.0), groups.get(0).summary()); // 600,000 / 36,000
        assertEquals(new RackFigures(16.9, 590.0, 35.0), groups.get(1).summary()); // 590,000 / 35,000 = 16.86
        assertNull(groups.get(1).status().empty());
        assertEquals(List.of(), GroupOverview.groups(MinerGroupStats.read(answers()), null));
    }

    @Test
    void siteEfficiencyFromTheDcsMeters() {
        SiteEfficiency.Result r = SiteEfficiency.of(FixedSiteStats.dcs(),
                MinerGroupStats.read(FixedSiteStats.minerStats()));
        assertEquals(17.78, r.siteEfficiencyWThs()); // 1,262,400 W / 71,000 TH/s = 17.780…
        assertEquals(16.76, r.miningEfficiencyWThs()); // 1,190,200 / 71,000 = 16.763…
        assertEquals(1.262, r.totalConsumptionMw());
        assertEquals(5.7, r.caOverheadPct()); // 72.2 / 1,262.4 = 5.72 %
        assertEquals(List.of(new SiteEfficiency.MeterEfficiency("DB-7511", "LV Board 1", "TX-7511", "TR-1",
                "Groups 1-2", "PM-7511", 16.76, 1190.2, "kW", 71.0, 80)), r.perMeter()); // 2 groups × 2 × 20
        assertEquals(List.of(
                new SiteEfficiency.Share("Site PM", null, null, "PM-MV", 1262.4, "kW", 100),
                new SiteEfficiency.Share("DB-7511", "DB-7511", "Groups 1-2", "PM-7511", 1190.2, "kW", 94.3),
                new SiteEfficiency.Share("DB-CCM", "DB-CCM", "Cooling & Auxiliary", "PM-CCM", 72.2, "kW", 5.7)),
                r.breakdown());
    }

    @Test
    void layoutRacksTakeTheFiguresOfTheGroupsRealRacksByPosition() {
        List<RackList.Rack> racks = RackList.racks(MinerGroupStats.read(FixedSiteStats.minerStats()),
                FixedSiteStats.dcs());
        assertEquals(List.of("group-1_rack-1", "group-1_rack-2", "group-2_rack-1", "group-2_rack-2"),
                racks.stream().map(RackList.Rack::id).toList());
        RackList.Rack third = racks.get(2);
        assertEquals("Rack 3", third.name());
        assertEquals(new RackList.GroupRef("group-2", "Group 2"), third.group());
        assertEquals(20, third.minersCount());
        // group-2_rack-1 ← group-2_pdu-a: 295,000 W over 17,500 TH/s = 16.86 W/TH/s
        assertEquals(new RackFigures(16.9, 295.0, 17.5), third.figures());
        assertEquals(List.of("group-2_rack-1"), RackList.select(racks, Set.of("group-2_rack-1", "x")).stream()
                .map(RackList.Rack::id).toList());
    }

    @Test
    void withoutADcsEveryReportedRackIsListed() {
        List<RackList.Rack> racks = RackList.racks(MinerGroupStats.read(FixedSiteStats.minerStats()), null);
        assertEquals(List.of("group-1_rack-1", "group-1_rack-2", "group-2_pdu-a", "group-2_pdu-b"),
                racks.stream().map(RackList.Rack::id).toList());
        assertNull(racks.getFirst().minersCount());
        assertEquals("Rack pdu-a", racks.get(2).name());
    }

    @Test
    void explorerFiltersSearchesAndSortsStably() {
        List<RackList.Rack> racks = RackList.racks(MinerGroupStats.read(FixedSiteStats.minerStats()),
                FixedSiteStats.dcs());
        RackQuery byEfficiency = new RackQuery(null, null,
                RackQuery.parseSort(obj("efficiency", -1, "name", 1)));
        assertEquals(List.of("Rack 3", "Rack 4", "Rack 1", "Rack 2"),
                byEfficiency.apply(racks).stream().map(RackList.Rack::name).toList());
        assertEquals(List.of("Rack 3", "Rack 4"), new RackQuery(Set.of("group-2"), null, null).apply(racks)
                .stream().map(RackList.Rack::name).toList());
        assertEquals(List.of("Rack 1", "Rack 3"), new RackQuery(null, List.of(" RACK 3", "", "rack 1"), null)
                .apply(racks).stream().map(RackList.Rack::name).toList());
        assertEquals("ERR_SORT_INVALID",
                assertThrows(DomainException.class, () -> RackQuery.parseSort(obj("power", 1))).code());
        assertEquals("ERR_SORT_INVALID",
                assertThrows(DomainException.class, () -> RackQuery.parseSort(obj("name", 2))).code());
        assertEquals("ERR_SORT_INVALID",
                assertThrows(DomainException.class, () -> RackQuery.parseSort(List.of())).code());
    }

    @Test
    void namesSortTheWayPeopleCount() {
        List<String> names = new ArrayList<>(List.of("Rack 10", "Rack 2", "Rack 1", "rack-02b", "rack-2a"));
        names.sort(NaturalText.ORDER);
        assertEquals(List.of("Rack 1", "Rack 2", "Rack 10", "rack-2a", "rack-02b"), names);
    }
}
