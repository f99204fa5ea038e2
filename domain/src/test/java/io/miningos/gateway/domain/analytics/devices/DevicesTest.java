package io.miningos.gateway.domain.analytics.devices;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DevicesTest {

    @Test
    void cabinetsGroupDevicesByTheRootOfTheirPosition() {
        Object pm1 = obj("id", "pm1", "type", "powermeter-abb-m4m20", "info", obj("pos", "lv1/pm"));
        Object t1 = obj("id", "t1", "type", "sensor-temp-seneca", "info", obj("pos", "lv1/t1"));
        Object site = obj("id", "pm0", "type", "powermeter-abb-m4m20", "info", obj("pos", "site"));
        Object loose = obj("id", "t9", "type", "sensor-temp-seneca");
        // ORK 2 repeats pm1
        List<Map<String, Object>> things = ThingLists.flatten(answers(arr(pm1, site, "junk", null, t1, loose),
                arr(pm1)));
        List<Map<String, Object>> cabinets = Cabinets.group(things);
        assertEquals(List.of(obj("id", "lv1", "devices", arr(pm1, t1), "type", "cabinet"),
                obj("id", "site", "devices", arr(site), "type", "cabinet"),
                obj("id", "t9", "devices", arr(loose), "type", "cabinet")), cabinets);
        assertEquals("site", Cabinets.find(cabinets, "site").get("id"));
        assertNull(Cabinets.find(cabinets, "lv2"));
    }

    @Test
    void minerFiltersAndSortsUseThingPaths() {
        Object filter = obj("status", "mining", "$or", arr(obj("container", "bitdeer-7b"), obj("power", obj("$gt", 3000))),
                "tags", obj("$in", arr("t-miner")));
        assertEquals(obj("last.snap.stats.status", "mining", "$or", arr(obj("info.container", "bitdeer-7b"),
                obj("last.snap.stats.power_w", obj("$gt", 3000))), "tags", obj("$in", arr("t-miner"))),
                MinerFields.mapFilter(filter));
        assertEquals(obj("id", 1, "code", 1, "last.snap.stats.hashrate_mhs", 1, "last.snap.model", 1, "type", 1),
                MinerFields.projection(obj("hashrate", 1, "model", 1)));
        assertEquals("ERR_FIELDS_INVALID", assertThrows(DomainException.class,
                () -> MinerFields.projection(obj("hashrate", 0))).code());
    }

    @Test
    void aMinerIsShownWithCleanNamesAndNothingMadeUp() {
        Map<String, Object> thing = obj("id", "Rb8n", "code", "AM-S21-0118", "type", "miner-am-s21",
                "address", "10.7.23.102", "rack", "miner-am-s21-shelf-1", "comments", arr(),
                "info", obj("container", "bitdeer-7b", "pos", "2-3_b2", "poolConfig", "cfg-1"),
                "last", obj("ts", 1_780_448_960_113L, "alerts", null, "snap", obj("stats", obj("status", "mining",
                        "power_w", 3492, "hashrate_mhs", obj("t_5m", dec("200533671.28")), "uptime_ms", 1_284_560_000L),
                        "config", obj("power_mode", "normal", "pool_config", arr(obj("url", "stratum+tcp://a"))))));
        Map<String, Object> view = MinerFields.view(thing, null);
        assertEquals(obj("id", "Rb8n", "type", "miner-am-s21", "model", "miner-am-s21", "code", "AM-S21-0118",
                "ip", "10.7.23.102", "container", "bitdeer-7b", "rack", "miner-am-s21-shelf-1",
                "position", "2-3_b2", "status", "mining", "hashrate", obj("t_5m", dec("200533671.28")),
                "power", 3492, "uptime", 1_284_560_000L, "powerMode", "normal", "poolConfig", "cfg-1",
                "pools", arr(obj("url", "stratum+tcp://a")), "alerts", null, "comments", arr(),
                "lastSeen", 1_780_448_960_113L), view);
        assertEquals(obj("id", "Rb8n", "power", 3492), MinerFields.view(thing, List.of("power", "efficiency")));
    }
}
