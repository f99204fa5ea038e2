package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators that make a query engine run code ({@code $where}, {@code $function}, {@code $accumulator}, and
 * {@code $expr}, the door to the latter two) and numbers a JavaScript ORK would read as Infinity or 0 never reach an
 * ORK, whichever parameter carries them and at whatever depth: every parameter that holds a query, projection or
 * sort, over the real HTTP server and wiring.
 */
class OrkPayloadScreeningTest {

    private static final String CODE = "ERR_QUERY_OPERATOR_NOT_ALLOWED";
    private static final String WHERE = "{\"$where\":\"sleep(100000)\"}";

    @TempDir
    Path dataDir;

    private final FakeOrk ork = new FakeOrk();
    private TestGateway gateway;
    private String admin;

    @BeforeEach
    void start() {
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", ork);
        gateway = TestGateway.start(dataDir, orks);
        admin = gateway.adminToken();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    /** One request per parameter: method, path (query string included), body. */
    record Attempt(String parameter, String method, String path, String body) {
        @Override
        public String toString() {
            return parameter;
        }
    }

    static List<Attempt> everyParameter() {
        return List.of(
                new Attempt("list-things query", "GET", "/auth/list-things?query=" + q(WHERE), null),
                new Attempt("list-things query in $or", "GET", "/auth/list-things?query="
                        + q("{\"$or\":[{\"id\":\"a\"},{\"$expr\":{\"$eq\":[1,1]}}]}"), null),
                new Attempt("list-things fields", "GET", "/auth/list-things?fields="
                        + q("{\"id\":{\"$function\":{\"body\":\"x\",\"args\":[],\"lang\":\"js\"}}}"), null),
                new Attempt("list-things sort", "GET", "/auth/list-things?sort=" + q("{\"a\":{\"$where\":1}}"), null),
                new Attempt("push action query", "POST", "/auth/actions/voting",
                        "{\"query\":{\"tags\":{\"$in\":[\"t-miner\"]},\"$where\":\"1\"},\"action\":\"reboot\","
                                + "\"params\":[]}"),
                new Attempt("actions queries[].opts.query", "GET", "/auth/actions?queries="
                        + q("[{\"type\":\"voting\",\"opts\":{\"limit\":5,\"query\":" + WHERE + "}}]"), null),
                new Attempt("actions queries[].query", "GET", "/auth/actions?queries="
                        + q("[{\"type\":\"done\",\"query\":{\"$and\":[{\"$expr\":{\"$gt\":[\"$id\",1]}}]}}]"), null),
                new Attempt("actions queries[].fields", "GET", "/auth/actions?queries="
                        + q("[{\"type\":\"done\",\"fields\":{\"x\":{\"$accumulator\":{}}}}]"), null),
                new Attempt("batch payload query", "POST", "/auth/actions/voting/batch",
                        "{\"batchActionsPayload\":[{\"query\":{\"id\":\"a\"},\"action\":\"reboot\",\"params\":[]},"
                                + "{\"query\":{\"$or\":[{\"id\":\"b\"},{\"$function\":{}}]},\"action\":\"reboot\","
                                + "\"params\":[]}],\"batchActionUID\":\"b-1\"}"),
                new Attempt("ext-data query", "GET", "/auth/ext-data?type=minerpool&query="
                        + q("{\"key\":\"stats\",\"$where\":\"1\"}"), null),
                new Attempt("tail-log fields", "GET", "/auth/tail-log?key=stat-5m&type=miner&fields="
                        + q("{\"hashrate\":{\"$function\":{}}}"), null),
                new Attempt("tail-log aggrFields", "GET", "/auth/tail-log?key=stat-5m&type=miner&aggrFields="
                        + q("{\"x\":{\"$accumulator\":{}}}"), null),
                new Attempt("worker-config fields", "GET", "/auth/worker-config?type=container&fields=" + q(WHERE),
                        null),
                new Attempt("global-config fields", "GET", "/auth/global-config?fields="
                        + q("{\"a\":[{\"b\":{\"$expr\":1}}]}"), null),
                new Attempt("history-log fields", "GET", "/auth/history-log?logType=alerts&fields=" + q(WHERE), null),
                new Attempt("history-log query", "GET", "/auth/history-log?logType=info&query=" + q(WHERE), null),
                new Attempt("history-log sort", "GET", "/auth/history-log?logType=info&sort="
                        + q("{\"ts\":{\"$function\":1}}"), null),
                new Attempt("tail-log/multi keys[].query", "GET", "/auth/tail-log/multi?keys="
                        + q("[{\"key\":\"stat-5m\",\"type\":\"miner\",\"query\":" + WHERE + "}]"), null),
                new Attempt("range-aggr keys[].fields", "GET", "/auth/tail-log/range-aggr?keys="
                        + q("[{\"type\":\"miner\",\"startDate\":1,\"endDate\":2,\"fields\":" + WHERE + "}]"), null),
                // JSON unicode escapes decode to the same key: "\u0024where" is "$where".
                new Attempt("escaped key in a query parameter", "GET", "/auth/list-things?query="
                        + q("{\"\\u0024where\":\"1\"}"), null),
                new Attempt("escaped key in a body", "POST", "/auth/actions/voting",
                        "{\"query\":{\"\\u0024\\u0066unction\":{}},\"action\":\"reboot\",\"params\":[]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyParameter")
    void codeRunningOperatorsAre400AndReachNoOrk(Attempt attempt) {
        TestGateway.Response response = gateway.send(attempt.method(), attempt.path(), admin, attempt.body());
        assertEquals(400, response.status(), attempt.parameter() + ": " + response.body());
        assertEquals(CODE, response.errorCode(), attempt.parameter());
        assertTrue(ork.calls().isEmpty(), attempt.parameter() + ": no ORK was asked: " + ork.calls());
    }

    @Test
    void lookAlikesAndOperatorsAsValuesPassOn() {
        ork.on("listThings", answer("[]"));
        String query = "{\"$whereabouts\":1,\"where\":\"$where\",\"info.note\":{\"$in\":[\"$function\"]},"
                + "\"$and\":[{\"tags\":{\"$regex\":\"^t-\"}}]}";
        TestGateway.Response response = gateway.get("/auth/list-things?query=" + q(query), admin);
        assertEquals(200, response.status(), response.body());
        assertEquals(1, ork.calls("listThings").size());
    }

    static List<Attempt> absurdNumbers() {
        return List.of(
                new Attempt("list-things query", "GET", "/auth/list-things?query="
                        + q("{\"hashrate\":{\"$gt\":1e2147483647}}"), null),
                new Attempt("comment ts", "PUT", "/auth/thing/comment",
                        "{\"rackId\":\"r\",\"thingId\":\"t\",\"comment\":\"c\",\"ts\":1e2147483647}"),
                new Attempt("action params", "POST", "/auth/actions/voting",
                        "{\"query\":{\"id\":\"m\"},\"action\":\"setPowerPct\",\"params\":[1e-400]}"),
                new Attempt("settings entries", "PUT", "/auth/settings",
                        "{\"rackId\":\"r\",\"entries\":{\"limit\":1E+999}}"),
                new Attempt("tail-log aggrTimes", "GET", "/auth/tail-log?key=stat-5m&aggrTimes="
                        + q("[{\"start\":0,\"end\":1e400}]"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absurdNumbers")
    void numbersAJavaScriptOrkReadsAsInfinityOrZeroAre400AndReachNoOrk(Attempt attempt) {
        TestGateway.Response response = gateway.send(attempt.method(), attempt.path(), admin, attempt.body());
        assertEquals(400, response.status(), attempt.parameter() + ": " + response.body());
        assertEquals("ERR_INVALID_NUMBER", response.errorCode(), attempt.parameter());
        assertTrue(ork.calls().isEmpty(), attempt.parameter() + ": no ORK was asked: " + ork.calls());
    }

    @Test
    void aRegexLongerThanTheOrksOwnLimitIs400AndReachesNoOrk() {
        String query = "{\"code\":{\"$regex\":\"" + "(a+)+".repeat(41) + "$\"}}";
        TestGateway.Response response = gateway.get("/auth/list-things?query=" + q(query), admin);
        assertEquals(400, response.status(), response.body());
        assertEquals("ERR_QUERY_REGEX_TOO_LONG", response.errorCode());
        assertTrue(ork.calls().isEmpty(), "no ORK was asked: " + ork.calls());
    }
}
