package io.miningos.gateway.adapters.ork.hrpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HrpcOrkOptionsTest {

    private static final String KEY = "9f3c" + "0".repeat(58) + "ab";

    @Test
    void readsAFullConfiguration() {
        HrpcOrkOptions options = HrpcOrkOptions.fromConfig(Map.of(
                "rpcPublicKey", KEY.toUpperCase(),
                "bootstrap", List.of("dht1.example.net:49737", " 10.0.0.5:30001 "),
                "timeout", 5000));

        assertEquals(KEY, options.rpcPublicKey());
        assertEquals(List.of("dht1.example.net:49737", "10.0.0.5:30001"), options.bootstrapAddresses());
        assertEquals(Optional.of(Duration.ofMillis(5000)), options.maxCallTime());
    }

    @Test
    void withoutBootstrapUsesThePublicNetworkAndWithoutTimeoutTheCallersOwn() {
        HrpcOrkOptions options = HrpcOrkOptions.fromConfig(Map.of("rpcPublicKey", KEY));

        assertEquals(List.of(), options.bootstrap());
        assertEquals(Duration.ofSeconds(120), options.callTime(Duration.ofSeconds(120)));
    }

    @Test
    void configuredTimeoutOnlyEverShortensACall() {
        HrpcOrkOptions options = HrpcOrkOptions.fromConfig(Map.of("rpcPublicKey", KEY, "timeout", 10_000L));

        assertEquals(Duration.ofSeconds(10), options.callTime(Duration.ofSeconds(120)));
        assertEquals(Duration.ofSeconds(2), options.callTime(Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "zz3c000000000000000000000000000000000000000000000000000000000000ab"})
    void rejectsAKeyThatIsNot64HexCharacters(String key) {
        assertProblem(Map.of("rpcPublicKey", key), "rpcPublicKey: ");
    }

    @Test
    void rejectsAMissingOrNonTextKey() {
        assertProblem(Map.of(), "rpcPublicKey: ");
        assertProblem(Map.of("rpcPublicKey", 12), "rpcPublicKey: ");
    }

    @Test
    void rejectsUnknownOptionsSoTyposDoNotGoUnnoticed() {
        assertProblem(Map.of("rpcPublicKey", KEY, "bootstrapp", List.of("a:1")),
                "bootstrapp: unknown option of the hrpc transport (known: bootstrap, rpcPublicKey, timeout)");
    }

    @Test
    void rejectsABootstrapThatIsNotANonEmptyListOfStrings() {
        assertProblem(Map.of("rpcPublicKey", KEY, "bootstrap", "a:1"), "bootstrap: must be a list of strings");
        assertProblem(Map.of("rpcPublicKey", KEY, "bootstrap", List.of()), "bootstrap: must be a non-empty list");
        assertProblem(Map.of("rpcPublicKey", KEY, "bootstrap", List.of(49737)), "bootstrap: entry 1 must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dht.example.net", "dht.example.net:", ":49737", "dht.example.net:0", "dht.example.net:65536",
            "dht.example.net:4x", "[::1]:49737", "::1:49737", "bad host:1", "dht..net:-1"})
    void rejectsBootstrapEntriesThatAreNotHostColonPort(String entry) {
        assertProblem(Map.of("rpcPublicKey", KEY, "bootstrap", List.of("ok.example.net:1", entry)), "bootstrap: entry 2 ");
    }

    @Test
    void rejectsATimeoutThatIsNotAWholePositiveNumberOfMillisecondsUpToTenMinutes() {
        for (Object timeout : List.of("5000", 1.5, 0, -1, 600_001)) {
            assertProblem(Map.of("rpcPublicKey", KEY, "timeout", timeout), "timeout: ");
        }
    }

    @Test
    void nullOptionValuesMeanTheDefault() {
        Map<String, Object> options = new HashMap<>();
        options.put("rpcPublicKey", KEY);
        options.put("bootstrap", null);
        options.put("timeout", null);

        HrpcOrkOptions parsed = HrpcOrkOptions.fromConfig(options);

        assertEquals(List.of(), parsed.bootstrap());
        assertEquals(Optional.empty(), parsed.maxCallTime());
    }

    private static void assertProblem(Map<String, Object> options, String messageStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HrpcOrkOptions.fromConfig(options));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
