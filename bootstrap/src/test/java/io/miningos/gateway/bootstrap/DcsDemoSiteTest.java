package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DCS demo ({@code ./demo.sh --dcs}, config folder {@code demo/dcs}): a hall of 400 simulated miners run by a
 * central DCS. Every DCS view answers from the simulator's DCS thing, and the DCS agrees with the site's own
 * meters and miners.
 */
class DcsDemoSiteTest {

    private static final SharedDemo DEMO = SharedDemo.DCS;

    private static JsonNode get(String path) {
        return DEMO.get(path);
    }

    @Test
    void everyCoolingViewAnswersWithFigures() {
        for (String view : new String[]{"miners&view=circuit1", "miners&view=circuit2", "miners&view=layout",
                "hvac&view=circuit1", "hvac&view=circuit2", "hvac&view=layout", "hvac&view=ambient"}) {
            JsonNode data = get("/auth/dcs/cooling-system?type=" + view).get("data");
            assertTrue(data.get("title").isTextual(), view + ": " + data);
            assertTrue(data.get("summary").isObject(), view + ": " + data);
        }
        JsonNode c1 = get("/auth/dcs/cooling-system?type=miners&view=circuit1").get("data");
        assertTrue(c1.path("summary").path("delta_t").path("value").asDouble() > 2, c1.get("summary").toString());
        assertEquals(2, c1.get("lines").size());
        JsonNode ambient = get("/auth/dcs/cooling-system?type=hvac&view=ambient").get("data");
        assertEquals(2, ambient.path("summary").path("rooms_count").asInt());
    }

    @Test
    void theCoolingHistoryComesFromTheDcsStatLog() {
        long end = System.currentTimeMillis();
        JsonNode cooling = get("/auth/metrics/cooling?start=" + (end - 86_400_000L) + "&end=" + end);
        assertTrue(cooling.get("log").size() >= 7, cooling.toString());
        assertTrue(cooling.path("summary").path("avgMinerDeltaTC").asDouble() > 2, cooling.get("summary").toString());
    }

    @Test
    void theHallLayoutIsTheMinersGroupsAndRacks() {
        JsonNode room = get("/auth/dcs/cooling-system?type=miners&view=layout").get("data").get("mining_room");
        // 400 miners: 4 in maintenance, 396 in groups of 80
        assertEquals(5, room.get("total_groups").asInt(), room.toString());
        assertEquals(400, room.get("total_miners").asInt());
        int drawing = 0;
        for (JsonNode group : room.get("groups")) {
            for (JsonNode rack : group.get("rack_statuses")) {
                drawing += rack.asBoolean() ? 1 : 0;
            }
        }
        assertTrue(drawing >= 18, "racks drawing power: " + room);
    }

    @Test
    void theDcsMetersAgreeWithTheSitesMeterAndMiners() {
        JsonNode miners = get("/auth/dcs/energy-system?view=miners").get("data");
        double siteKw = miners.path("site_total").path("power_kw").asDouble();
        JsonNode meter = get("/auth/tail-log/multi?keys=" + q("[{\"key\":\"stat-rtd\",\"type\":\"powermeter\","
                + "\"tag\":\"t-powermeter\"}]") + "&limit=1&aggrFields=" + q("{\"site_power_w\":1}"));
        double siteW = meter.get(0).get(0).get(0).get("site_power_w").asDouble();
        assertEquals(siteW, siteKw * 1000, siteW * 0.01, "the DCS's site meter reads the site meter's intake");
        double racksKw = 0;
        for (JsonNode m : miners.get("meters")) {
            racksKw += m.path("power").path("value").asDouble();
        }
        assertEquals(3, miners.get("meters").size(), "groups 1-2, 3-4, 5");
        JsonNode stats = get("/auth/tail-log/multi?keys=" + q("[{\"key\":\"stat-rtd\",\"type\":\"miner\","
                + "\"tag\":\"t-miner\"}]") + "&limit=1&aggrFields=" + q("{\"power_w_container_group_sum_aggr\":1}"));
        double hallW = 0;
        var groups = stats.get(0).get(0).get(0).get("power_w_container_group_sum_aggr").fields();
        while (groups.hasNext()) {
            var g = groups.next();
            hallW += g.getKey().startsWith("group-") ? g.getValue().asDouble() : 0;
        }
        assertEquals(hallW, racksKw * 1000, hallW * 0.02, "the rack meters meter the hall's miners");
        JsonNode layout = get("/auth/dcs/energy-system?view=layout").get("data");
        assertEquals(4, layout.get("branches").size(), "three mining branches and cooling");
        JsonNode live = get("/auth/site/status/live");
        assertEquals(siteKw * 1000, live.path("power").path("valueW").asDouble(), siteKw * 10,
                "the header's site power is the DCS's site meter");
    }
}
