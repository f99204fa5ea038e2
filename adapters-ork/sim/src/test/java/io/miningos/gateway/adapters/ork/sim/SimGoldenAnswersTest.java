package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.stats.RackStats;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pins the exact bytes of rack stat entries, ORK time-series answers and thing documents on a site holding every
 * container and miner model, so refactoring the simulator's engine is proven not to change what it answers. The
 * expected answers are in {@code src/test/resources/golden/sim-answers.txt}, one {@code name<TAB>json} line each.
 *
 * <p>After a deliberate change of what the simulator answers, rewrite the file with
 * {@code mvn -pl adapters-ork/sim -am test -Dtest=SimGoldenAnswersTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true} and review its diff. A mismatch writes the actual answers to
 * {@code target/golden/sim-answers.txt} for comparing.
 */
class SimGoldenAnswersTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/sim-answers.txt");
    private static final Path ACTUAL = Path.of("target/golden/sim-answers.txt");
    private static final Instant NOW = Instant.parse("2026-05-20T10:17:31Z");

    @TempDir
    static Path dataDir;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static OrkTransport transport;

    @BeforeAll
    static void open() {
        transport = new SimTransportProvider().open(new OrkTransportContext("golden", Map.of("seed", 7,
                "miners", 900, "persist", false), dataDir, CLOCK));
    }

    @AfterAll
    static void close() {
        transport.close();
    }

    private static String call(String method, String request) throws Exception {
        return new String(transport.call(method, request.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(120))
                .get(), StandardCharsets.UTF_8);
    }

    /** Every pinned answer, in a stable order. */
    private static Map<String, String> answers() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Site site = ((SimTransport) transport).ork().site();
        RackStats stats = new RackStats(new LiveSite(site));
        long now = NOW.toEpochMilli();
        long tick = Math.floorDiv(now, 300_000L) * 300_000L - 300_000L;
        for (SimRack rack : site.racks()) {
            if (!rack.kind().holdsThings()) {
                continue;
            }
            String all = "t-" + rack.kind().name().toLowerCase(java.util.Locale.ROOT);
            out.put("entry " + rack.id() + " " + all + " " + tick, JSON.writeValueAsString(
                    stats.entry(rack, all, tick, false)));
            out.put("entry-rtd " + rack.id() + " " + all, JSON.writeValueAsString(stats.entry(rack, all, now, true)));
            String container = rack.statTags().stream().filter(t -> t.startsWith("container-")).findFirst()
                    .orElse(null);
            if (container != null) {
                out.put("entry " + rack.id() + " " + container + " " + (tick - 3_600_000L), JSON.writeValueAsString(
                        stats.entry(rack, container, tick - 3_600_000L, false)));
            }
            if (rack.kind() == ThingKind.MINER) {
                out.put("startup " + rack.id(), JSON.writeValueAsString(stats.startup(rack, tick)));
            }
        }
        for (String type : List.of("miner", "container", "powermeter", "sensor")) {
            out.put("tailLog rtd " + type, call("tailLog", "{\"type\":\"" + type + "\",\"key\":\"stat-rtd\","
                    + "\"tag\":\"t-" + type + "\"}"));
            out.put("tailLog 5m " + type, call("tailLog", "{\"type\":\"" + type + "\",\"key\":\"stat-5m\","
                    + "\"tag\":\"t-" + type + "\",\"limit\":2}"));
        }
        long day = Math.floorDiv(now, 86_400_000L) * 86_400_000L - 86_400_000L;
        out.put("tailLog 5m series", call("tailLog", "{\"type\":\"miner\",\"key\":\"stat-5m\",\"tag\":\"t-miner\","
                + "\"start\":" + (now - 3_600_000L) + ",\"end\":" + now + ",\"aggrFields\":{"
                + "\"hashrate_mhs_5m_sum_aggr\":1,\"power_w_sum_aggr\":1,\"offline_cnt\":1}}"));
        out.put("tailLog 30m container tag", call("tailLog", "{\"type\":\"miner\",\"key\":\"stat-30m\",\"tag\":\""
                + site.containers().get(0).thing().tags().stream().filter(t -> t.startsWith("container-"))
                .findFirst().orElseThrow() + "\",\"limit\":3}"));
        out.put("tailLog 3h groupRange", call("tailLog", "{\"type\":\"miner\",\"key\":\"stat-3h\",\"tag\":"
                + "\"t-miner\",\"start\":" + (day - 86_400_000L) + ",\"end\":" + now + ",\"groupRange\":\"1D\","
                + "\"shouldCalculateAvg\":true,\"aggrFields\":{\"online_or_minor_error_miners_amount_aggr\":1,"
                + "\"offline_cnt\":1,\"power_mode_sleep_cnt\":1,\"maintenance_type_cnt\":1}}"));
        out.put("tailLog 1D groupRange sum", call("tailLog", "{\"type\":\"container\",\"key\":\"stat-3h\",\"tag\":"
                + "\"t-container\",\"start\":" + (day - 86_400_000L) + ",\"end\":" + now + ",\"groupRange\":\"1D\"}"));
        out.put("tailLog aggrTimes", call("tailLog", "{\"type\":\"powermeter\",\"key\":\"stat-5m\",\"tag\":"
                + "\"t-powermeter\",\"start\":" + day + ",\"end\":" + (day + 86_399_999L) + ",\"aggrFields\":{"
                + "\"site_power_w\":1},\"aggrTimes\":[{\"start\":" + day + ",\"end\":" + (day + 43_199_999L) + "},"
                + "{\"start\":" + (day + 43_200_000L) + ",\"end\":" + (day + 86_399_999L) + "}]}"));
        out.put("tailLogMulti", call("tailLogMulti", "{\"keys\":[{\"type\":\"miner\",\"tag\":\"t-miner\"},"
                + "{\"type\":\"powermeter\",\"tag\":\"t-powermeter\"}],\"key\":\"stat-rtd\",\"aggrFields\":{"
                + "\"hashrate_mhs_1m_sum_aggr\":1,\"site_power_w\":1,\"alerts_aggr\":1}}"));
        String dayText = Instant.ofEpochMilli(day).toString();
        out.put("customRange", call("tailLogCustomRangeAggr", "{\"keys\":[{\"type\":\"miner\",\"startDate\":\""
                + dayText + "\",\"endDate\":\"" + dayText + "\"},{\"type\":\"powermeter\",\"startDate\":\"" + dayText
                + "\",\"endDate\":\"" + dayText + "\"},{\"type\":\"container\",\"startDate\":\"" + dayText
                + "\",\"endDate\":\"" + dayText + "\"},{\"type\":\"sensor\",\"startDate\":\"x\",\"endDate\":\"y\"}]}"));
        out.put("customRange daily", call("tailLogCustomRangeAggr", "{\"keys\":[{\"type\":\"powermeter\","
                + "\"startDate\":\"" + dayText + "\",\"endDate\":\"" + Instant.ofEpochMilli(now) + "\","
                + "\"fields\":{\"site_power_w\":1},\"shouldReturnDailyData\":1}]}"));
        out.put("history alerts", call("getHistoricalLogs", "{\"logType\":\"alerts\",\"start\":" + (now - 7_200_000L)
                + ",\"end\":" + now + ",\"limit\":15}"));
        // one document per thing type, plus miners that are in trouble right now
        List<String> ids = new ArrayList<>();
        Map<String, Boolean> seenTypes = new LinkedHashMap<>();
        for (SimRack rack : site.racks()) {
            rack.things().forEach(t -> {
                if (seenTypes.putIfAbsent(t.type(), true) == null) {
                    ids.add(t.id());
                }
            });
        }
        for (String status : List.of("error", "offline", "sleeping")) {
            String found = call("listThings", "{\"query\":{\"last.snap.stats.status\":\"" + status + "\","
                    + "\"tags\":\"t-miner\"},\"status\":1,\"fields\":{\"id\":1},\"limit\":1}");
            for (Object o : JSON.readValue(found, List.class)) {
                ids.add((String) ((Map<?, ?>) o).get("id"));
            }
        }
        for (String id : ids) {
            out.put("thing " + id, call("listThings", "{\"query\":{\"id\":\"" + id + "\"},\"status\":1}"));
        }
        return out;
    }

    @Test
    void theSimulatorAnswersExactlyAsPinned() throws Exception {
        Map<String, String> actual = answers();
        StringBuilder text = new StringBuilder();
        actual.forEach((name, json) -> text.append(name).append('\t').append(json).append('\n'));
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, text);
            return;
        }
        assertTrue(Files.exists(GOLDEN), "no golden file " + GOLDEN.toAbsolutePath()
                + "; write it with -Dgolden.update=true");
        Map<String, String> expected = read(GOLDEN);
        if (!expected.equals(actual)) {
            Files.createDirectories(ACTUAL.getParent());
            Files.writeString(ACTUAL, text);
            for (String name : expected.keySet()) {
                assertEquals(expected.get(name), actual.get(name), "answer '" + name + "' changed (all actual answers: "
                        + ACTUAL.toAbsolutePath() + ")");
            }
            fail("answers added: " + actual.keySet().stream().filter(k -> !expected.containsKey(k)).toList());
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return out;
    }
}
