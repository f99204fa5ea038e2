package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.FakeOrk.error;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ORK-backed read route over a real socket, with two in-test ORKs behind in-memory transports. */
class OrkReadRoutesTest extends TwoOrkGatewayTest {

    private TestGateway.Response get(String path) {
        return gateway.get(path, admin);
    }

    @Test
    void listThingsPassesEachOrksAnswerOnUntouchedInConfigurationOrder() {
        String first = "[{\"id\":\"m-1\",\"last\":{\"snap\":{\"stats\":{\"hashrate_mhs\":{\"t_5m\":110000000.50}}}}}]";
        one.on("listThings", answer(first));
        two.on("listThings", answer("[ {\"id\" : \"c-1\"} ]"));
        TestGateway.Response response = get("/auth/list-things?query=" + q("{\"info.pos\":{\"$eq\":\"site\"}}")
                + "&fields=" + q("{\"id\":1,\"tags\":1}") + "&sort=" + q("{\"id\":-1}")
                + "&status=1&offset=10&limit=100");
        assertEquals(200, response.status());
        assertEquals("[" + first + ",[ {\"id\" : \"c-1\"} ]]", response.body());
        assertTrue(response.headers().get("content-type").getFirst().startsWith("application/json"));
        assertNull(response.orkFailures());
        assertEquals(json("{\"query\":{\"info.pos\":{\"$eq\":\"site\"}},\"status\":\"1\",\"offset\":10,"
                + "\"limit\":100,\"fields\":{\"id\":1,\"tags\":1},\"sort\":{\"id\":-1}}"),
                one.lastCall("listThings").request());
        assertEquals(one.lastCall("listThings").request(), two.lastCall("listThings").request());
    }

    @Test
    void listThingsIsCachedPerParametersAndOverwriteCacheRefreshes() {
        one.on("listThings", answer("[]"));
        get("/auth/list-things?limit=5");
        get("/auth/list-things?limit=5");
        assertEquals(1, one.calls("listThings").size());
        get("/auth/list-things?limit=6");
        assertEquals(2, one.calls("listThings").size());
        assertEquals(200, get("/auth/list-things?limit=5&overwriteCache=true").status());
        assertEquals(3, one.calls("listThings").size());
        get("/auth/list-things?limit=5");
        assertEquals(3, one.calls("listThings").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/list-things?query=%7Bnope                         | ERR_QUERY_INVALID_JSON",
            "/auth/list-things?query=%5B1%5D                         | ERR_QUERY_INVALID_OBJECT",
            "/auth/list-things?query=%7B%22%24where%22%3A%22x%22%7D  | ERR_QUERY_OPERATOR_NOT_ALLOWED",
            "/auth/list-things?fields=x                              | ERR_FIELDS_INVALID_JSON",
            "/auth/list-things?sort=1                                | ERR_SORT_INVALID_OBJECT",
            "/auth/list-things?limit=abc                             | ERR_LIMIT_INVALID",
            "/auth/list-things?limit=-1                              | ERR_LIMIT_INVALID",
            "/auth/list-things?limit=1000001                         | ERR_LIMIT_INVALID",
            "/auth/list-things?offset=-3                             | ERR_OFFSET_INVALID",
            "/auth/list-things?overwriteCache=maybe                  | ERR_OVERWRITECACHE_INVALID",
            "/auth/list-racks                                        | ERR_TYPE_INVALID",
            "/auth/list-racks?type=miner&keys=1                      | ERR_KEYS_NOT_ALLOWED",
            "/auth/ext-data?query=%7B%7D                             | ERR_TYPE_INVALID",
            "/auth/ext-data?type=minerpool&query=stats               | ERR_QUERY_INVALID_JSON",
            "/auth/global-config?fields=%5B%5D                       | ERR_FIELDS_INVALID_OBJECT",
            "/auth/worker-config?fields=%7B%7D                       | ERR_TYPE_INVALID",
            "/auth/worker-config?type=miner&fields=%7B               | ERR_FIELDS_INVALID_JSON",
            "/auth/thing-config?type=miner                           | ERR_REQUEST_TYPE_INVALID",
            "/auth/thing-config?requestType=poolConfig               | ERR_TYPE_INVALID",
            "/auth/settings                                          | ERR_RACK_ID_INVALID",
            "/auth/settings?rackId=                                  | ERR_RACK_ID_INVALID",
            "/auth/actions                                           | ERR_QUERIES_INVALID_ARRAY",
            "/auth/actions?queries=%5B                               | ERR_QUERIES_INVALID_JSON",
            "/auth/actions?queries=%7B%7D                            | ERR_QUERIES_INVALID_ARRAY",
            "/auth/actions?queries=%5B%7B%22type%22%3A%22gone%22%7D%5D | ERR_QUERIES_TYPE_INVALID",
            "/auth/actions?queries=%5B1%5D                           | ERR_QUERIES_TYPE_INVALID",
            "/auth/actions?queries=%5B%5D&groupBatch=yes             | ERR_GROUPBATCH_INVALID",
            "/auth/actions/batch                                     | ERR_IDS_INVALID",
            "/auth/actions/batch?ids=1,,2                            | ERR_IDS_INVALID",
            "/auth/actions/batch?ids=1%2C-2                          | ERR_IDS_INVALID",
            "/auth/actions/pending/5                                 | ERR_TYPE_INVALID",
            "/auth/actions/done/five                                 | ERR_ID_INVALID",
            "/auth/tail-log?type=miner                               | ERR_KEY_INVALID",
            "/auth/tail-log?key=stat-5m&limit=0                      | ERR_LIMIT_INVALID",
            "/auth/tail-log?key=stat-5m&limit=10081                  | ERR_LIMIT_INVALID",
            "/auth/tail-log?key=stat-5m&start=yesterday              | ERR_START_INVALID",
            "/auth/tail-log?key=stat-5m&aggrFields=%7B               | ERR_AGGRFIELDS_INVALID_JSON",
            "/auth/tail-log?key=stat-5m&aggrTimes=%7B%7D             | ERR_AGGRTIMES_INVALID_ARRAY",
            "/auth/tail-log?key=stat-5m&aggrTimes=%5B1%5D            | ERR_AGGRTIMES_INVALID_ARRAY",
            "/auth/tail-log?key=stat-5m&groupRange=daily             | ERR_GROUPRANGE_INVALID",
            "/auth/tail-log?key=stat-5m&mergeSitesData=sure          | ERR_MERGESITESDATA_INVALID",
            "/auth/tail-log/multi?limit=1                            | ERR_KEYS_INVALID_ARRAY",
            "/auth/tail-log/multi?keys=%5B                           | ERR_KEYS_INVALID_JSON",
            "/auth/tail-log/multi?keys=%5B%22stat-5m%22%5D           | ERR_KEYS_INVALID_ARRAY",
            "/auth/tail-log/range-aggr                               | ERR_KEYS_INVALID_ARRAY",
            "/auth/tail-log/range-aggr?keys=%5B%5D                   | ERR_KEYS_INVALID_ARRAY",
            "/auth/tail-log/range-aggr?keys=x                        | ERR_KEYS_INVALID_JSON",
            "/auth/tail-log/range-aggr?keys=%5B%7B%22type%22%3A%22miner%22%7D%5D | ERR_KEYS_INVALID",
            "/auth/history-log                                       | ERR_LOG_TYPE_INVALID",
            "/auth/history-log?logType=debug                         | ERR_LOG_TYPE_INVALID",
            "/auth/history-log?logType=alerts&limit=-5               | ERR_LIMIT_INVALID",
            "/auth/history-log?logType=info&query=%7B                | ERR_QUERY_INVALID_JSON",
            "/auth/history-log?logType=info&endExcl=x                | ERR_ENDEXCL_INVALID",
    })
    void badParametersAre400WithTheirCodeAndReachNoOrk(String path, String code) {
        TestGateway.Response response = get(path);
        assertEquals(400, response.status(), response.body());
        assertEquals(code, response.errorCode());
        assertEquals("Bad Request", response.json().get("error").asText());
        assertTrue(one.calls().isEmpty(), "no ORK was asked: " + one.calls());
    }

    @Test
    void everyRouteNeedsAToken() {
        TestGateway.Response response = gateway.get("/auth/list-things", "not-a-token");
        assertEquals(401, response.status());
        assertEquals("ERR_AUTH_FAIL", response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void listRacksSendsOnlyTheType() {
        one.on("listRacks", answer("[{\"id\":\"miner-am-s21-shelf-1\",\"type\":\"miner-am-s21\"}]"));
        two.on("listRacks", answer("[]"));
        TestGateway.Response response = get("/auth/list-racks?type=miner&other=1");
        assertEquals("[[{\"id\":\"miner-am-s21-shelf-1\",\"type\":\"miner-am-s21\"}],[]]", response.body());
        assertEquals(json("{\"type\":\"miner\"}"), one.lastCall("listRacks").request());
    }

    @Test
    void extDataGlobalConfigAndWorkerConfigAreMapStyle() {
        one.on("getWrkExtData", answer("[{\"ts\":\"1718036460000\",\"stats\":[]}]"));
        String query = "{\"key\":\"stats\"}";
        assertEquals("[[{\"ts\":\"1718036460000\",\"stats\":[]}],[]]",
                get("/auth/ext-data?type=minerpool&query=" + q(query)).body());
        assertEquals(json("{\"type\":\"minerpool\",\"query\":{\"key\":\"stats\"}}"),
                one.lastCall("getWrkExtData").request());

        one.on("getGlobalConfig", answer("{\"isAutoSleepAllowed\":true}"));
        two.on("getGlobalConfig", answer("{\"isAutoSleepAllowed\":false}"));
        assertEquals("[{\"isAutoSleepAllowed\":true},{\"isAutoSleepAllowed\":false}]",
                get("/auth/global-config?fields=" + q("{\"isAutoSleepAllowed\":1}")).body());
        assertEquals(json("{\"fields\":{\"isAutoSleepAllowed\":1}}"), one.lastCall("getGlobalConfig").request());
        get("/auth/global-config");
        assertEquals(json("{}"), one.lastCall("getGlobalConfig").request());

        one.on("getWrkConf", answer("[{\"rackId\":\"r1\",\"config\":{}}]"));
        assertEquals("[[{\"rackId\":\"r1\",\"config\":{}}],[]]", get("/auth/worker-config?type=container&fields="
                + q("{\"pduGridLayout\":1}")).body());
        assertEquals(json("{\"type\":\"container\",\"fields\":{\"pduGridLayout\":1}}"),
                one.lastCall("getWrkConf").request());
    }

    @Test
    void thingConfigIsNeverCached() {
        one.on("getThingConf", answer("[{\"rackId\":\"r1\",\"requestValue\":\"AM-S21-0119\"}]"));
        String path = "/auth/thing-config?type=miner&requestType=nextAvailableCode";
        assertEquals("[[{\"rackId\":\"r1\",\"requestValue\":\"AM-S21-0119\"}],[]]", get(path).body());
        get(path);
        assertEquals(2, one.calls("getThingConf").size());
        assertEquals(json("{\"type\":\"miner\",\"requestType\":\"nextAvailableCode\"}"),
                one.lastCall("getThingConf").request());
    }

    @Test
    void settingsWrapEachOrksAnswerOrError() {
        one.on("getWrkSettings", answer("{\"subPartTypes\":[\"fan\"]}"));
        two.on("getWrkSettings", error("ERR_RACK_ID_INVALID"));
        TestGateway.Response response = get("/auth/settings?rackId=inventory-1");
        assertEquals(200, response.status());
        assertEquals(json("[{\"success\":{\"subPartTypes\":[\"fan\"]}},{\"error\":\"[HRPC_ERR]=ERR_RACK_ID_INVALID\"}]"),
                response.json());
        assertEquals("cluster-2=ERR_RACK_ID_INVALID", response.orkFailures());
        assertEquals(json("{\"rackId\":\"inventory-1\"}"), one.lastCall("getWrkSettings").request());
    }

    @Test
    void actionsQueryIsMapStyleWithTheQueriesAsSent() {
        one.on("queryActions", answer("{\"voting\":[{\"id\":1718036711905}]}"));
        two.on("queryActions", answer("{\"voting\":[]}"));
        String queries = "[{\"type\":\"voting\",\"opts\":{\"reverse\":true,\"limit\":1000}},{\"type\":\"done\"}]";
        TestGateway.Response response = get("/auth/actions?queries=" + q(queries) + "&groupBatch=true");
        assertEquals("[{\"voting\":[{\"id\":1718036711905}]},{\"voting\":[]}]", response.body());
        assertEquals(json("{\"queries\":" + queries + ",\"groupBatch\":true}"), one.lastCall("queryActions").request());
        get("/auth/actions?queries=" + q(queries) + "&groupBatch=true&suffix=repair");
        assertEquals("repair", one.lastCall("queryActions").request().get("suffix").asText());
        assertEquals(2, one.calls("queryActions").size());
    }

    @Test
    void actionsBatchConcatenatesWhatEveryOrkFoundAndSkipsFailures() {
        one.on("getActionsBatch", answer("[{\"type\":\"done\",\"action\":{\"id\":1}}]"));
        two.on("getActionsBatch", answer("[{\"type\":\"voting\",\"action\":{\"id\":2}},"
                + "{\"type\":\"ready\",\"action\":{\"id\":3}}]"));
        TestGateway.Response response = get("/auth/actions/batch?ids=1,2,3");
        assertEquals(json("[{\"type\":\"done\",\"action\":{\"id\":1}},{\"type\":\"voting\",\"action\":{\"id\":2}},"
                + "{\"type\":\"ready\",\"action\":{\"id\":3}}]"), response.json());
        assertEquals(json("{\"ids\":[\"1\",\"2\",\"3\"]}"), one.lastCall("getActionsBatch").request());

        two.on("getActionsBatch", FakeOrk.unreachable());
        TestGateway.Response partial = get("/auth/actions/batch?ids=7");
        assertEquals(json("[{\"type\":\"done\",\"action\":{\"id\":1}}]"), partial.json());
        assertEquals("cluster-2=unavailable", partial.orkFailures());
    }

    @Test
    void oneActionIsAskedForByStoreAndNumericId() {
        one.on("getAction", answer("{\"id\":1718036500077,\"status\":\"COMPLETED\"}"));
        two.on("getAction", error("ERR_ACTION_ID_NOT_FOUND"));
        TestGateway.Response response = get("/auth/actions/done/1718036500077");
        assertEquals("[{\"id\":1718036500077,\"status\":\"COMPLETED\"},[]]", response.body());
        assertEquals("cluster-2=ERR_ACTION_ID_NOT_FOUND", response.orkFailures());
        assertEquals(json("{\"id\":1718036500077,\"type\":\"done\"}"), one.lastCall("getAction").request());
    }

    @Test
    void tailLogPassesEveryParameterTypedAndUnknownOnesAsText() {
        one.on("tailLog", answer("[{\"ts\":1718034900000,\"hashrate_mhs_5m_sum_aggr\":47310220514.3}]"));
        TestGateway.Response response = get("/auth/tail-log?key=stat-3h&type=miner&tag=t-miner&start=1718000000000"
                + "&end=1718100000000&limit=288&aggrFields=" + q("{\"hashrate_mhs_5m_sum_aggr\":1}")
                + "&groupRange=1D&shouldCalculateAvg=true&aggrTimes=" + q("[{\"start\":1,\"end\":2}]")
                + "&someFutureParam=x&overwriteCache=false");
        assertEquals("[[{\"ts\":1718034900000,\"hashrate_mhs_5m_sum_aggr\":47310220514.3}],[]]", response.body());
        assertEquals(json("{\"aggrFields\":{\"hashrate_mhs_5m_sum_aggr\":1},\"aggrTimes\":[{\"start\":1,\"end\":2}],"
                + "\"end\":1718100000000,\"groupRange\":\"1D\",\"key\":\"stat-3h\",\"limit\":288,"
                + "\"shouldCalculateAvg\":true,\"someFutureParam\":\"x\",\"start\":1718000000000,"
                + "\"tag\":\"t-miner\",\"type\":\"miner\"}"), one.lastCall("tailLog").request());
        get("/auth/tail-log?type=miner&tag=t-miner&key=stat-3h&start=1718000000000&end=1718100000000&limit=288"
                + "&aggrFields=" + q("{\"hashrate_mhs_5m_sum_aggr\":1}") + "&groupRange=1D&shouldCalculateAvg=1"
                + "&aggrTimes=" + q("[{\"start\":1,\"end\":2}]") + "&someFutureParam=x");
        assertEquals(1, one.calls("tailLog").size(), "the same parameters in another order share the entry");
    }

    @Test
    void tailLogMultiSendsTheKeysWithTheSharedParameters() {
        one.on("tailLogMulti", answer("[[{\"site_power_w\":1230400}]]"));
        String keys = "[{\"key\":\"stat-rtd\",\"type\":\"miner\",\"tag\":\"t-miner\"}]";
        TestGateway.Response response = get("/auth/tail-log/multi?keys=" + q(keys) + "&limit=1&aggrFields="
                + q("{\"site_power_w\":1}"));
        assertEquals("[[[{\"site_power_w\":1230400}]],[]]", response.body());
        assertEquals(json("{\"aggrFields\":{\"site_power_w\":1},\"keys\":" + keys + ",\"limit\":1}"),
                one.lastCall("tailLogMulti").request());
    }

    @Test
    void rangeAggrGivesOneEntryPerOrkAndAnErrorEntryForAFailedOne() {
        one.on("tailLogCustomRangeAggr", answer("[{\"type\":\"miner\",\"error\":null,\"data\":{\"aggrCount\":2}}]"));
        two.on("tailLogCustomRangeAggr", FakeOrk.unreachable());
        String keys = "[{\"type\":\"miner\",\"startDate\":\"2025-11-01\",\"endDate\":\"2025-11-30\","
                + "\"shouldReturnDailyData\":1,\"timezoneOffset\":0}]";
        TestGateway.Response response = get("/auth/tail-log/range-aggr?keys=" + q(keys));
        assertEquals(200, response.status());
        assertEquals(json("[[{\"type\":\"miner\",\"error\":null,\"data\":{\"aggrCount\":2}}],"
                + "{\"error\":\"ERR_ORK_UNAVAILABLE\"}]"), response.json());
        assertEquals(json("{\"keys\":" + keys + "}"), one.lastCall("tailLogCustomRangeAggr").request());
    }

    @Test
    void historyLogPassesItsParametersTyped() {
        one.on("getHistoricalLogs", answer("[{\"name\":\"max_pcb_temp_warning\",\"severity\":\"high\"}]"));
        TestGateway.Response response = get("/auth/history-log?logType=alerts&start=1718000000000&limit=100"
                + "&query=" + q("{\"severity\":\"high\"}"));
        assertEquals("[[{\"name\":\"max_pcb_temp_warning\",\"severity\":\"high\"}],[]]", response.body());
        assertEquals(json("{\"limit\":100,\"logType\":\"alerts\",\"query\":{\"severity\":\"high\"},"
                + "\"start\":1718000000000}"), one.lastCall("getHistoricalLogs").request());
        assertFalse(two.calls("getHistoricalLogs").isEmpty());
    }
}
