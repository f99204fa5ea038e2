package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site and rack routes on the DCS demo (config folder {@code demo/dcs}: one simulated ORK, a hall of 5 groups of
 * 4 racks of 20 miners behind a central DCS): the groups and racks are the DCS layout's, filled with the miners'
 * figures, and the efficiency page reads the DCS meters.
 */
class DcsDemoSiteLiveTest {

    private static final SharedDemo DEMO = SharedDemo.DCS;

    private static JsonNode get(String path) {
        return DEMO.get(path);
    }

    @Test
    void theOverviewIsTheHallsGroupsWithTheirRacksAndSlots() {
        JsonNode groups = get("/auth/site/overview/groups").get("groups");
        assertEquals(5, groups.size(), groups.toString());
        long miners = 0;
        for (JsonNode group : groups) {
            JsonNode status = group.get("status");
            assertEquals(80, status.get("total").asLong() + status.get("empty").asLong(), group.toString());
            miners += status.get("total").asLong();
            assertTrue(group.get("summary").get("consumption").get("value").asDouble() > 0, group.toString());
            assertTrue(group.get("racks").size() >= 1, group.toString());
        }
        assertEquals(400, miners, 8.0, "the hall's miners, each in one state");
        JsonNode rack = groups.get(0).get("racks").get(0);
        double efficiency = rack.get("efficiency").get("value").asDouble();
        assertTrue(efficiency > 10 && efficiency < 60, "a rack's total, in W/TH/s: " + rack);
    }

    @Test
    void theRacksAreTheLayoutsTwentyInLayoutOrder() {
        JsonNode explorer = get("/auth/explorer/racks?limit=100");
        assertEquals(20, explorer.get("totalCount").asInt());
        JsonNode first = explorer.get("data").get(0);
        assertEquals("group-1_rack-1", first.get("id").asText());
        assertEquals(20, first.get("miners_count").asInt());
        assertEquals("Rack 20", explorer.get("data").get(19).get("name").asText());
        JsonNode stats = get("/auth/miners/groups/stats?racks=group-5_rack-4,group-1_rack-1").get("data");
        assertEquals(2, stats.size());
        assertEquals(first.toString(), stats.get(0).toString());
        JsonNode byName = get("/auth/explorer/racks?sort=%7B%22name%22%3A-1%7D&limit=2").get("data");
        assertEquals("Rack 20", byName.get(0).get("name").asText(), "natural order: Rack 20 after Rack 3");
    }

    @Test
    void theEfficiencyPageReadsTheDcsMeters() {
        JsonNode efficiency = get("/auth/site/efficiency");
        JsonNode summary = efficiency.get("summary");
        double site = summary.get("site_efficiency").get("value").asDouble();
        double mining = summary.get("mining_efficiency").get("value").asDouble();
        assertTrue(site > mining && mining > 10, summary.toString());
        assertEquals("W/TH/s", summary.get("site_efficiency").get("unit").asText());
        assertEquals(3, efficiency.get("efficiency_per_meter").size(), "groups 1-2, 3-4, 5");
        assertTrue(summary.get("ca_overhead").get("value").asDouble() > 0, summary.toString());
        double total = summary.get("total_consumption").get("value").asDouble();
        assertEquals(get("/auth/site/status/live").get("power").get("valueW").asDouble() / 1e6, total, 0.002 + total * 0.01,
                "the live site power is the DCS site meter's");
    }
}
