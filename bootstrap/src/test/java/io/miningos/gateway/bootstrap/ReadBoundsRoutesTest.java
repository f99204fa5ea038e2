package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every read has a bounded cost: reads too large to answer are refused up front, answers too large are failures. */
class ReadBoundsRoutesTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dataDir;

    private final FakeOrk one = new FakeOrk();
    private final FakeOrk two = new FakeOrk();
    private TestGateway gateway;

    private TestGateway start(FanOutConfig fanOut) {
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", one);
        orks.put("cluster-2", two);
        gateway = TestGateway.start(dataDir, orks, 2_000, Map.of(), fanOut);
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String bigAnswer(long bytes) {
        return "[\"" + "x".repeat((int) bytes) + "\"]";
    }

    @Test
    void theReadsThatFrozeTheGatewayAreRefusedBeforeAnyOrkIsAsked() {
        TestGateway gw = start(FanOutConfig.defaults());
        String token = gw.tokenForRole("read_only_user");
        long now = System.currentTimeMillis();
        String[] refused = {
            "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&start=0&end=" + now,
            "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&start=" + (now - 30 * 86_400_000L) + "&end=" + now,
            "/auth/tail-log?key=stat-3h&type=miner&tag=t-miner&groupRange=1D&start=0",
            "/auth/tail-log/multi?keys=" + q("[{\"key\":\"stat-5m\",\"type\":\"miner\",\"tag\":\"t-miner\"}]")
                    + "&start=" + (now - 30 * 86_400_000L) + "&end=" + now,
            "/auth/tail-log/range-aggr?keys=" + q("[{\"type\":\"miner\",\"startDate\":0,\"endDate\":" + now + "}]"),
        };
        for (String path : refused) {
            TestGateway.Response response = gw.get(path, token);
            assertEquals(400, response.status(), path + " " + response.body());
            assertEquals("ERR_RANGE_TOO_LARGE", response.errorCode(), path);
        }
        assertEquals(0, one.calls().size() + two.calls().size(), "no ORK was asked");
        assertEquals(200, gw.get("/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&start=0&limit=288", token)
                .status(), "a limit bounds any range");
    }

    @Test
    void historyLogWithoutALimitAsksForTheDefaultOne() {
        TestGateway gw = start(FanOutConfig.defaults());
        gw.get("/auth/history-log?logType=alerts", gw.adminToken());
        assertEquals(1_000, one.lastCall("getHistoricalLogs").request().path("limit").asLong());
        assertEquals(400, gw.get("/auth/history-log?logType=alerts&limit=100000", gw.adminToken()).status());
    }

    @Test
    void anOrkAnswerOverTheBoundIsThatOrksFailure() {
        TestGateway gw = start(FanOutConfig.defaults().withAnswerBounds(MIB, 64 * MIB));
        one.on("getGlobalConfig", answer(bigAnswer(MIB)));
        two.on("getGlobalConfig", answer("{\"isAutoSleepAllowed\":true}"));
        TestGateway.Response partial = gw.get("/auth/global-config", gw.adminToken());
        assertEquals(200, partial.status());
        assertEquals("[[],{\"isAutoSleepAllowed\":true}]", partial.body());
        assertEquals("cluster-1=too_large", partial.orkFailures());

        two.on("getGlobalConfig", answer(bigAnswer(2 * MIB)));
        TestGateway.Response none = gw.get("/auth/global-config?overwriteCache=true", gw.adminToken());
        assertEquals(502, none.status());
        assertEquals("ERR_ORK_ANSWER_TOO_LARGE", none.errorCode());
        assertEquals("cluster-1=too_large, cluster-2=too_large", none.orkFailures());
    }

    @Test
    void aResponseOverTheBoundIsRefused() {
        TestGateway gw = start(FanOutConfig.defaults().withAnswerBounds(MIB, MIB));
        one.on("getGlobalConfig", answer(bigAnswer(MIB / 2 + 10)));
        two.on("getGlobalConfig", answer(bigAnswer(MIB / 2 + 10)));
        TestGateway.Response response = gw.get("/auth/global-config", gw.adminToken());
        assertEquals(502, response.status());
        assertEquals("ERR_RESPONSE_TOO_LARGE", response.errorCode());
    }

    @Test
    void boundsAreReadFromConfiguration() {
        FanOutConfig fanOut = FanOutConfig.read(new ConfigObject("common.json", "gateway",
                FakeOrk.JSON.valueToTree(Map.of("maxOrkAnswerBytes", 2 * MIB, "maxResponseBytes", 3 * MIB))));
        assertEquals(2 * MIB, fanOut.maxOrkAnswerBytes());
        assertEquals(3 * MIB, fanOut.maxResponseBytes());
        assertEquals(FanOutConfig.defaultMaxOrkAnswerBytes(), FanOutConfig.defaults().maxOrkAnswerBytes());
        assertTrue(FanOutConfig.defaults().maxOrkAnswerBytes() <= 64 * MIB);
        assertTrue(FanOutConfig.defaults().maxResponseBytes() <= 128 * MIB);
        assertEquals(Duration.ofSeconds(5), FanOutConfig.defaults().alertsInterval());
    }
}
