package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.live.Alert;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.live.MinerSample;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.SiteGenerator;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveSiteTest {

    private static final long T = Instant.parse("2026-03-14T09:26:00Z").toEpochMilli();
    private final Site site = SiteGenerator.generate(21, 600, "north", T);
    private final LiveSite live = new LiveSite(site);

    @Test
    void valuesArePureFunctionsOfTime() {
        SimThing miner = site.containers().get(0).miners().get(0);
        assertEquals(live.miner(miner, T), live.miner(miner, T));
        assertEquals(live.meter(meterAt("site"), T).powerW(), live.meter(meterAt("site"), T).powerW());
        assertNotEquals(live.miner(miner, T).hashrateMhs(), live.miner(miner, T + 60_000).hashrateMhs());
    }

    private SimThing meterAt(String pos) {
        return site.things().values().stream().filter(t -> pos.equals(t.pos()) && t.kind() == ThingKind.POWERMETER)
                .findFirst().orElseThrow();
    }

    @Test
    void sitePowerIsTheMinersPlusCoolingPlusAuxiliaries() {
        double miners = 0;
        double containers = 0;
        for (ContainerSite c : site.containers()) {
            for (SimThing m : c.miners()) {
                miners += live.miner(m, T).powerW();
            }
            containers += live.containerPowerW(c, T);
        }
        double sitePower = live.meter(meterAt("site"), T).powerW();
        assertTrue(containers > miners * 1.02 && containers < miners * 1.2, containers + " vs miners " + miners);
        assertTrue(sitePower > containers && sitePower < containers * 1.05, sitePower + " vs " + containers);
    }

    @Test
    void minersReportRealisticValuesAndEfficiencyMatchesPowerOverHashrate() {
        int mining = 0;
        int offline = 0;
        for (ContainerSite c : site.containers()) {
            for (SimThing m : c.miners()) {
                MinerSample s = live.miner(m, T);
                if (s.status() == MinerSample.MinerStatus.MINING) {
                    mining++;
                    double nominal = m.minerModel().nominalMhs();
                    assertTrue(s.hashrateMhs() > nominal * 0.8 && s.hashrateMhs() < nominal * 1.2);
                    assertEquals(s.powerW() / (s.hashrateMhs() / 1e6), s.efficiency(), 1e-9);
                    double hottest = s.alerts() == null ? 90 : 105; // overheating spells raise alerts
                    assertTrue(s.chipAvgC() > 40 && s.chipAvgC() < hottest, "chip " + s.chipAvgC());
                } else if (s.offline()) {
                    offline++;
                }
            }
        }
        int total = site.containers().stream().mapToInt(c -> c.miners().size()).sum();
        assertTrue(mining > total * 0.85, mining + " of " + total + " mining");
        assertTrue(offline < total * 0.1, offline + " offline");
    }

    @Test
    void anAlertKeepsItsCreatedAtAndUuidWhileItLasts() {
        Map<String, Alert> firstSeen = new HashMap<>();
        int persisted = 0;
        for (long t = T; t < T + 6 * 3_600_000L; t += 60_000) {
            for (SimThing m : site.containers().get(0).miners()) {
                List<Alert> alerts = live.miner(m, t).alerts();
                if (alerts == null) {
                    continue;
                }
                assertTrue(!alerts.isEmpty(), "never an empty array");
                for (Alert a : alerts) {
                    String key = m.id() + a.name() + a.createdAt();
                    Alert before = firstSeen.putIfAbsent(key, a);
                    if (before != null) {
                        assertEquals(before.uuid(), a.uuid());
                        persisted++;
                    }
                    assertTrue(a.createdAt() <= t);
                }
            }
        }
        assertTrue(persisted > 0, "some alert lasted more than one poll");
    }

    @Test
    void containerStateDrivesItsMiners() {
        ContainerSite c = site.containers().get(0);
        SimThing miner = c.miners().get(0);
        c.control().running.set(T + 120_000, false);
        assertTrue(live.miner(miner, T + 180_000).offline());
        assertEquals(0, live.minersLoad(c, T + 180_000)[0]);
        assertTrue(live.containerPowerW(c, T + 180_000) < c.model().auxiliaryW());
        String status = live.container(c, T + 180_000).status();
        assertTrue(status.equals("stopped") || status.equals("offline"), status);
        assertEquals(c, ((ThingRole.Container) c.thing().role()).site());
    }
}
