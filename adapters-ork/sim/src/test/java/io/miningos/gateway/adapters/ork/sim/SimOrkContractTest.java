package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.spi.OrkContractTest;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The ORK contract, run against the embedded simulated ORK under a hand-driven clock. */
class SimOrkContractTest extends OrkContractTest {

    @TempDir
    Path dataDir;
    private MutableClock clock;
    private OrkTransport transport;

    @BeforeEach
    void open() {
        clock = new MutableClock(Instant.parse("2026-03-14T09:26:53Z"));
        transport = new SimTransportProvider().open(new OrkTransportContext("contract",
                Map.of("seed", 42, "miners", 400, "actionIntervalMs", 5_000), dataDir, clock));
    }

    @AfterEach
    void close() {
        transport.close();
    }

    @Override
    protected OrkTransport transport() {
        return transport;
    }

    @Override
    protected void passTime(Duration d) {
        clock.advance(d);
    }
}
