package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.AvailableEnergyCommand;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The electricity workers of two ORKs: the first forecasts 1.5 MW at 40 USD/MWh for DAY1 00:00, the second 0.5 at 44. */
class EnergyServiceTest {

    static final Instant NOW = Instant.ofEpochMilli(DAY1);

    static ScriptedOrks.Script worker(double mw, double price) {
        return (method, request) -> switch (method) {
            case "getWrkExtData" -> arr(obj("ts", DAY1, "points", arr(obj("ts", DAY1, "availablePowerMW", mw,
                    "priceUSDPerMWh", price))));
            case "setWrkExtData" -> obj("success", true);
            default -> throw new AssertionError(method);
        };
    }

    private static Caller caller(String role) {
        User user = new User(7, new Email("u7@example.com"), null, role, NOW);
        TokenGrant grant = new TokenGrant("h7", 7, List.of(role), Set.of(ClientIp.parse("127.0.0.1")), NOW,
                NOW.plusSeconds(600));
        return new Caller(user, RoleCatalog.defaults().permissionsOf(role), grant);
    }

    @Test
    void theForecastIsOneSite() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", worker(1.5, 40)).ork("cluster-2", worker(0.5, 44));
        Map<?, ?> forecast = (Map<?, ?>) orks.body(new EnergyService(orks.requests()).forecast(false).join());
        assertEquals(DAY1, forecast.get("issuedAt"));
        assertEquals(List.of(obj("ts", DAY1, "availablePowerMW", 2.0, "priceUsdPerMWh", 42.0)), forecast.get("log"));
    }

    @Test
    void theHistorysRangeIsInsideTheQuery() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", (method, request) -> arr());
        new EnergyService(orks.requests()).forecastHistory(new TimeRange(DAY1, DAY1 + 3_600_000), false).join();
        JsonView query = orks.calls().getFirst().request().get("query");
        assertEquals("forecastHistory", query.get("key").asText());
        assertEquals(DAY1 + 3_600_000, query.get("end").asLong());
    }

    @Test
    void writesNeedMinerWriteAndReachEveryOrk() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", worker(1, 1)).ork("cluster-2", worker(1, 1));
        EnergyService service = new EnergyService(orks.requests());
        AvailableEnergyCommand points = AvailableEnergyCommand.of(List.of(obj("ts", DAY1, "availablePowerMW", 3)));
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", assertThrows(DomainException.class,
                () -> service.saveAvailableEnergy(caller("read_only_user"), points)).code());
        assertTrue(orks.calls().isEmpty());
        assertEquals(List.of(), service.saveAvailableEnergy(caller("site_operator"), points).join().failures());
        assertEquals(2, orks.calls("setWrkExtData").size(), "every ORK's worker (the entries: EnergyRoutesTest)");
        JsonView sent = orks.calls("setWrkExtData").getFirst().request();
        assertEquals("availableEnergy", sent.get("key").asText());
        assertEquals(3, sent.path("value").at(0).get("availableMw").asLong());
        assertEquals("ERR_BODY_INVALID", assertThrows(DomainException.class, () -> service.saveForecastSettings(
                caller("admin"), Map.of("lcoe", Map.of()))).code());
    }
}
