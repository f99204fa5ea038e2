package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.SiteGenerator;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteGeneratorTest {

    private static final long NOW = Instant.parse("2026-03-14T09:26:53Z").toEpochMilli();

    @Test
    void theSameSeedGivesTheSameSite() {
        Site a = SiteGenerator.generate(7, 300, "north", NOW);
        Site b = SiteGenerator.generate(7, 300, "north", NOW);
        assertEquals(a.things().keySet(), b.things().keySet());
        assertEquals(a.racks().stream().map(SimRack::id).toList(), b.racks().stream().map(SimRack::id).toList());
        SimThing first = a.things().values().iterator().next();
        assertEquals(first.info(), b.thing(first.id()).info());
        assertEquals(first.tags(), b.thing(first.id()).tags());
    }

    @Test
    void differentSeedsShareNoIdsRacksOrContainerNames() {
        Site a = SiteGenerator.generate(1, 250, "demo", NOW);
        Site b = SiteGenerator.generate(2, 250, "demo", NOW);
        Set<String> ids = new HashSet<>(a.things().keySet());
        ids.retainAll(b.things().keySet());
        assertEquals(Set.of(), ids);
        Set<String> racks = a.racks().stream().map(SimRack::id).collect(Collectors.toSet());
        racks.retainAll(b.racks().stream().map(SimRack::id).collect(Collectors.toSet()));
        assertEquals(Set.of(), racks);
        Set<String> containers = a.containers().stream().map(ContainerSite::name).collect(Collectors.toSet());
        containers.retainAll(b.containers().stream().map(ContainerSite::name).collect(Collectors.toSet()));
        assertEquals(Set.of(), containers);
    }

    @Test
    void minersSitInContainersAtValidPositionsWithRealisticFields() {
        Site site = SiteGenerator.generate(11, 500, "north", NOW);
        List<SimThing> miners = site.things().values().stream().filter(t -> t.kind() == ThingKind.MINER).toList();
        assertEquals(500, miners.size());
        int maintenance = 0;
        for (SimThing m : miners) {
            assertTrue(m.id().matches("[A-Za-z0-9]{15}"), m.id());
            assertTrue(m.code().matches("[A-Z0-9_]+(-[A-Z0-9_]+)*-\\d{4}"), m.code());
            assertTrue(m.rackId().startsWith(m.type() + "-"), "miner rack ids are <type>-<name>");
            List<String> tags = m.tags();
            String[] parts = m.type().split("-");
            assertEquals("t-" + m.type(), tags.get(0));
            assertEquals("t-" + parts[0] + "-" + parts[1], tags.get(1));
            assertEquals("t-miner", tags.get(2));
            assertTrue(tags.contains("id-" + m.id()) && tags.contains("code-" + m.code()));
            assertTrue(tags.contains("site-north"));
            if (m.inMaintenance()) {
                maintenance++;
                assertTrue(tags.contains("container-maintenance"));
                continue;
            }
            ContainerSite c = site.containers().stream().filter(x -> x.name().equals(m.container()))
                    .findFirst().orElseThrow();
            assertTrue(c.model().positions().contains(m.pos()), m.pos());
            assertEquals(c.model().minerModel(), m.minerModel());
            assertTrue(tags.contains("pos-" + m.pos()) && tags.contains("container-" + c.name()));
            assertTrue(((Number) m.info().get("nominalHashrateMhs")).doubleValue() >= 1e8);
        }
        assertEquals(5, maintenance, "1 % of the miners are pulled for repair");
        for (ContainerSite c : site.containers()) {
            Set<String> positions = new HashSet<>();
            c.miners().forEach(m -> assertTrue(positions.add(m.pos()), "one miner per socket"));
            assertTrue(c.miners().size() <= c.model().capacity());
        }
    }

    @Test
    void everyContainerHasAMeterAndTheSiteHasOneSiteMeter() {
        Site site = SiteGenerator.generate(3, 800, "north", NOW);
        long containerMeters = site.things().values().stream()
                .filter(t -> t.kind() == ThingKind.POWERMETER && t.container() != null).count();
        assertEquals(site.containers().size(), containerMeters);
        assertEquals(1, site.things().values().stream().filter(t -> "site".equals(t.pos())).count());
        assertEquals(2L * site.transformers(),
                site.things().values().stream().filter(t -> t.kind() == ThingKind.SENSOR).count());
        assertEquals(2, site.racks().stream().filter(r -> r.kind() == ThingKind.MINERPOOL).count());
    }

    @Test
    void largeSitesSplitMinerRacksAndStayWithinTheTarget() {
        Site site = SiteGenerator.generate(5, 49_200, "big", NOW);
        assertTrue(site.thingCount() >= 50_000, "about 49,200 miners plus their infrastructure: " + site.thingCount());
        for (SimRack r : site.racks()) {
            assertTrue(r.things().size() <= 2_000, r.id() + " has " + r.things().size());
        }
        assertFalse(site.commissionedAt() > NOW - 180L * 86_400_000L);
    }
}
