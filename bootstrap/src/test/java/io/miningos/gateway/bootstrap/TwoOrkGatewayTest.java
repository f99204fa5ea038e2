package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The set-up the ORK route tests share: the real gateway over a real socket on a fresh data folder, with two
 * in-test ORKs, {@code cluster-1} ({@link #one}) and {@code cluster-2} ({@link #two}), and the admin's token.
 */
abstract class TwoOrkGatewayTest {

    @TempDir
    Path dataDir;

    final FakeOrk one = new FakeOrk();
    final FakeOrk two = new FakeOrk();
    TestGateway gateway;
    /** The super admin's token. */
    String admin;

    @BeforeEach
    void startGateway() {
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", one);
        orks.put("cluster-2", two);
        gateway = TestGateway.start(dataDir, orks);
        admin = gateway.adminToken();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    static JsonNode json(String text) {
        try {
            return FakeOrk.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
