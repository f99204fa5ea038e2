package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import io.miningos.gateway.adapters.ork.spi.TransportHealth;
import io.miningos.gateway.application.health.port.out.ComponentProbe.ComponentState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransportComponentsTest {

    private static OrkTransportProvider reporting(String name, Supplier<List<TransportHealth>> health) {
        return new OrkTransportProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public OrkTransport open(OrkTransportContext context) {
                throw new UnsupportedOperationException("not opened in this test");
            }

            @Override
            public List<TransportHealth> health() {
                return health.get();
            }
        };
    }

    @Test
    void reportsEveryComponentOfEveryTransportInUse() {
        TransportComponents components = new TransportComponents(List.of(
                new EchoTransportProvider(), // runs nothing of its own: the default reports nothing
                reporting("bridged", () -> List.of(new TransportHealth("bridge", false, "restarting"),
                        new TransportHealth("pool", true, null)))));
        assertEquals(List.of(new ComponentState("bridge", false, "restarting"), new ComponentState("pool", true, "")),
                components.components());
    }

    @Test
    void aPluginWhoseHealthCheckThrowsIsReportedDownNotAFailedCheck() {
        TransportComponents components = new TransportComponents(List.of(reporting("broken", () -> {
            throw new IllegalStateException("bug");
        })));
        assertEquals(List.of(new ComponentState("transport:broken", false, "its health check failed")),
                components.components());
    }
}
