package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device lists over a socket, from two scripted ORKs (which do not filter: the gateway's work is checked). */
class DeviceRoutesTest extends TwoOrkGatewayTest {

    static final String MINERS_1 = "[{\"id\":\"m-10\",\"code\":\"AM-10\",\"type\":\"miner-am-s21\",\"address\":\"10.0.0.10\","
            + "\"info\":{\"container\":\"c1\",\"pos\":\"1-1_a1\"},\"last\":{\"snap\":{\"stats\":{\"status\":\"mining\","
            + "\"power_w\":3500}}}},{\"id\":\"m-2\",\"code\":\"AM-2\",\"type\":\"miner-am-s21\",\"info\":{\"container\":\"c1\"},"
            + "\"last\":{\"snap\":{\"stats\":{\"status\":\"offline\"}}}}]";
    static final String MINERS_2 = "[{\"id\":\"m-3\",\"code\":\"WM-3\",\"type\":\"miner-wm-m56s\",\"info\":{\"container\":\"c2\"},"
            + "\"last\":{\"snap\":{\"stats\":{\"status\":\"mining\"}}}}]";
    static final String CONTAINERS = "[{\"id\":\"c-1\",\"code\":\"BD-1\",\"type\":\"container-bd-d40\",\"info\":{\"container\":"
            + "\"bitdeer-1\"}},{\"id\":\"c-2\",\"code\":\"MBT-1\",\"type\":\"container-mbt\",\"info\":{\"container\":\"micro-1\"}}]";
    static final String CABINET_DEVICES = "[{\"id\":\"pm-1\",\"info\":{\"pos\":\"lv1/pm\"}},{\"id\":\"t-1\",\"info\":{\"pos\":"
            + "\"lv1/t1\"}},{\"id\":\"pm-site\",\"info\":{\"pos\":\"site\"}}]";

    private String token;

    @BeforeEach
    void start() {
        token = gateway.tokenForRole("read_only_user");
        script(one, MINERS_1, 2, "[{\"name\":\"S21 fw\",\"file\":\"s21.bmu\",\"id\":\"fw-1\"}]");
        script(two, MINERS_2, 1, "[{\"name\":\"S21 fw\",\"file\":\"s21.bmu\",\"id\":\"fw-1\"},"
                + "{\"name\":\"M56 fw\",\"file\":\"m56.bin\",\"id\":\"fw-2\"}]");
    }

    private static void script(FakeOrk ork, String miners, int count, String firmwares) {
        ork.on("listThings", request -> {
            String query = request.path("query").toString();
            return answer(query.contains("t-miner") ? miners : query.contains("t-container") ? CONTAINERS
                    : query.contains("t-powermeter") ? CABINET_DEVICES : "[]");
        });
        ork.on("getThingsCount", answer(Integer.toString(count)));
        ork.on("listFirmwares", answer(firmwares));
        ork.on("tailLogMulti", answer(SiteRoutesTest.GROUP_STATS));
    }

    private TestGateway.Response get(String path) {
        return gateway.get(path, token);
    }

    @Test
    void theMinersOfEveryOrkAreMergedSortedAndPaged() {
        TestGateway.Response response = get("/auth/miners?sort=" + q("{\"id\":1}") + "&limit=2");
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals("m-2", body.path("data").get(0).path("id").asText(), "natural order: m-2 < m-3 < m-10");
        assertEquals("m-3", body.path("data").get(1).path("id").asText());
        assertEquals(3, body.path("totalCount").asInt());
        assertTrue(body.path("hasMore").asBoolean());
        JsonNode sent = one.lastCall("listThings").request();
        assertEquals(2, sent.path("limit").asInt(), "offset + limit per ORK");
        assertEquals("{\"id\":1}", sent.path("sort").toString());
        JsonNode last = get("/auth/miners?offset=2").json().path("data").get(0);
        assertEquals("m-3", last.path("id").asText(), "unsorted: the ORKs' lists in configuration order");
    }

    @Test
    void cleanNamesAreMappedAndTheViewShowsWhatWasAsked() {
        TestGateway.Response response = get("/auth/miners?fields=" + q("{\"status\":1,\"ip\":1}") + "&filter="
                + q("{\"status\":\"mining\"}") + "&search=" + q("am-1"));
        assertEquals(200, response.status(), response.body());
        assertEquals("{\"id\":\"m-10\",\"ip\":\"10.0.0.10\",\"status\":\"mining\"}",
                response.json().path("data").get(0).toString());
        String sent = one.lastCall("listThings").request().path("query").toString();
        assertTrue(sent.contains("{\"last.snap.stats.status\":\"mining\"}"), sent);
        assertTrue(sent.contains("{\"$regex\":\"am\\\\-1\",\"$options\":\"i\"}"), "a literal: " + sent);
        assertEquals(one.lastCall("listThings").request().path("query"),
                one.lastCall("getThingsCount").request().path("query"));
    }

    @Test
    void theRacksOfTheStatsAreListedWithTheirTotals() {
        TestGateway.Response response = get("/auth/miners/groups/stats?racks=group-1_rack-2,nope");
        assertEquals(200, response.status(), response.body());
        // both ORKs report group-1's racks: 36 PH/s and 600 kW each
        assertEquals("{\"data\":[{\"id\":\"group-1_rack-2\",\"name\":\"Rack 2\",\"group\":{\"id\":\"group-1\","
                + "\"name\":\"Group 1\"},\"miners_count\":null,\"efficiency\":{\"value\":16.7,\"unit\":\"W/TH/s\"},"
                + "\"consumption\":{\"value\":600.0,\"unit\":\"kW\"},\"hashrate\":{\"value\":36.0,\"unit\":\"PH/s\"}}],"
                + "\"totalCount\":1}", response.body());
        JsonNode explorer = get("/auth/explorer/racks?sort=" + q("{\"name\":-1}") + "&limit=1").json();
        assertEquals("group-1_rack-2", explorer.path("data").get(0).path("id").asText());
        assertEquals(2, explorer.path("totalCount").asInt());
        assertTrue(explorer.path("hasMore").asBoolean());
        assertEquals(1, get("/auth/explorer/racks?search=" + q("rack 1,zzz")).json().path("totalCount").asInt());
        assertEquals(0, get("/auth/explorer/racks?group=group-9").json().path("totalCount").asInt());
    }

    @Test
    void firmwaresAreListedOnce() {
        JsonNode body = get("/auth/list-firmwares").json();
        assertEquals(2, body.size(), body.toString());
        assertEquals("fw-2", body.get(1).path("id").asText());
    }

    @Test
    void containersAreFilteredSearchedSortedAndPagedByTheGateway() {
        JsonNode all = get("/auth/containers?sort=" + q("{\"info.container\":-1}") + "&fields=" + q("{\"id\":1}")).json();
        assertEquals("{\"containers\":[{\"id\":\"c-2\"},{\"id\":\"c-1\"}],\"total\":2}", all.toString(),
                "the container both ORKs report counts once");
        assertEquals("c-1", get("/auth/containers?search=bd").json().path("containers").get(0).path("id").asText());
        assertEquals(1, get("/auth/containers?filter=" + q("{\"type\":\"container-mbt\"}")).json().path("total").asInt());
        JsonNode page = get("/auth/containers?offset=1&limit=1").json();
        assertEquals(2, page.path("total").asInt());
        assertEquals("c-2", page.path("containers").get(0).path("id").asText());
    }

    @Test
    void cabinetsGroupTheirDevices() {
        JsonNode cabinets = get("/auth/cabinets").json();
        assertEquals(2, cabinets.path("total").asInt(), cabinets.toString());
        assertEquals(2, cabinets.path("cabinets").get(0).path("devices").size());
        assertEquals(1, get("/auth/cabinets?filter=" + q("{\"id\":\"site\"}")).json().path("total").asInt());
        assertEquals("lv1", get("/auth/cabinets/lv1").json().path("cabinet").path("id").asText());
        TestGateway.Response missing = get("/auth/cabinets/nope");
        assertEquals(404, missing.status());
        assertEquals("ERR_CABINET_NOT_FOUND", missing.errorCode());
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersAnswerStands() {
        for (String m : new String[]{"listThings", "getThingsCount", "listFirmwares", "tailLogMulti"}) {
            two.on(m, FakeOrk.unreachable());
        }
        for (String path : new String[]{"/auth/miners", "/auth/miners/groups/stats?racks=group-1_rack-1",
                "/auth/explorer/racks", "/auth/list-firmwares", "/auth/containers", "/auth/cabinets"}) {
            TestGateway.Response response = get(path);
            assertEquals(200, response.status(), path);
            assertEquals("cluster-2=unavailable", response.orkFailures(), path);
        }
        assertEquals(2, get("/auth/miners").json().path("totalCount").asInt());
    }

    @Test
    void noDataIsEmptyLists() {
        for (FakeOrk ork : new FakeOrk[]{one, two}) {
            ork.on("listThings", answer("[]"));
            ork.on("getThingsCount", answer("0"));
            ork.on("listFirmwares", answer("[]"));
            ork.on("tailLogMulti", answer("[]"));
        }
        assertEquals("{\"data\":[],\"totalCount\":0,\"offset\":0,\"limit\":50,\"hasMore\":false}",
                get("/auth/miners").body());
        assertEquals("{\"data\":[],\"totalCount\":0}", get("/auth/miners/groups/stats?racks=a_b").body());
        assertEquals("{\"data\":[],\"totalCount\":0,\"offset\":0,\"limit\":20,\"hasMore\":false}",
                get("/auth/explorer/racks").body());
        assertEquals("[]", get("/auth/list-firmwares").body());
        assertEquals("{\"containers\":[],\"total\":0}", get("/auth/containers").body());
        assertEquals("{\"cabinets\":[],\"total\":0}", get("/auth/cabinets").body());
    }

    @Test
    void whenNoOrkAnswersItIs502() {
        for (FakeOrk ork : new FakeOrk[]{one, two}) {
            for (String m : new String[]{"listThings", "getThingsCount", "listFirmwares", "tailLogMulti"}) {
                ork.on(m, FakeOrk.unreachable());
            }
        }
        assertEquals(502, get("/auth/miners").status());
        assertEquals("ERR_ORK_UNAVAILABLE", get("/auth/cabinets/lv1").errorCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/miners?filter=%7B                                  | ERR_FILTER_INVALID_JSON",
            "/auth/miners?filter=%5B%5D                               | ERR_FILTER_INVALID_OBJECT",
            "/auth/miners?filter=%7B%22a%22%3A%7B%22%24foo%22%3A1%7D%7D | ERR_FILTER_INVALID",
            "/auth/miners?sort=%7B%22id%22%3A2%7D                     | ERR_SORT_INVALID",
            "/auth/miners?fields=%7B%22id%22%3A0%7D                   | ERR_FIELDS_INVALID",
            "/auth/miners?limit=201                                   | ERR_LIMIT_INVALID",
            "/auth/miners?limit=x                                     | ERR_LIMIT_INVALID",
            "/auth/miners?offset=-1                                   | ERR_OFFSET_INVALID",
            "/auth/miners/groups/stats                                | ERR_MISSING_RACKS",
            "/auth/miners/groups/stats?racks=%2C%20                   | ERR_MISSING_RACKS",
            "/auth/explorer/racks?sort=%7B                            | ERR_SORT_INVALID_JSON",
            "/auth/explorer/racks?sort=%7B%22x%22%3A1%7D              | ERR_SORT_INVALID",
            "/auth/explorer/racks?limit=101                           | ERR_LIMIT_INVALID",
            "/auth/containers?limit=0                                 | ERR_LIMIT_INVALID",
            "/auth/containers?filter=%5B%5D                           | ERR_FILTER_INVALID_OBJECT",
            "/auth/containers?fields=%7B%22a%22%3A1%2C%22b%22%3A0%7D  | ERR_FIELDS_INVALID",
            "/auth/cabinets?sort=%7B%22id%22%3A5%7D                   | ERR_SORT_INVALID",
            "/auth/cabinets?offset=1000001                            | ERR_OFFSET_INVALID",
            "/auth/list-firmwares?overwriteCache=maybe                | ERR_OVERWRITECACHE_INVALID",
    })
    void badParametersAre400AndReachNoOrk(String path, String code) {
        TestGateway.Response response = get(path);
        assertEquals(400, response.status(), path + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void longSearchesAndIdsAre400() {
        String longText = "x".repeat(201);
        assertEquals("ERR_SEARCH_INVALID", get("/auth/miners?search=" + longText).errorCode());
        assertEquals("ERR_SEARCH_INVALID", get("/auth/miners?search=" + q("(".repeat(101))).errorCode(),
                "escaped, over 200 characters");
        assertEquals("ERR_SEARCH_INVALID", get("/auth/containers?search=" + longText).errorCode());
        assertEquals("ERR_SEARCH_INVALID", get("/auth/explorer/racks?search=" + longText).errorCode());
        assertEquals("ERR_RACKS_INVALID", get("/auth/miners/groups/stats?racks=" + longText).errorCode());
        assertEquals("ERR_CABINET_ID_INVALID", get("/auth/cabinets/" + "x".repeat(101)).errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void minersAndRacksNeedMinerReadAndNothingMore() {
        String reporting = gateway.tokenForRole("reporting_tool_manager");
        for (String path : new String[]{"/auth/miners", "/auth/miners/groups/stats?racks=a_b",
                "/auth/explorer/racks"}) {
            assertEquals(403, gateway.get(path, reporting).status(), path);
            assertEquals(200, get(path).status(), path + ": miner:r without actions:w");
        }
        assertEquals(200, gateway.get("/auth/containers", reporting).status(), "a token is enough");
        assertEquals(401, gateway.get("/auth/cabinets", "nonsense").status());
    }
}
