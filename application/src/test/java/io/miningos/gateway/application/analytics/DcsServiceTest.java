package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.CoolingView;
import io.miningos.gateway.application.analytics.port.in.DcsUseCase;
import io.miningos.gateway.application.analytics.port.in.EnergyView;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the DCS thing comes from, and what the DCS routes say when there is none. */
class DcsServiceTest {

    static final AnalyticsSettings DCS = new AnalyticsSettings(true, "t-dcs", false, false, false);

    /** A DCS with two rack meters of a hall of one group. */
    static final Object DCS_THING = arr(obj("id", "d1", "type", "dcs-siemens", "last", obj("snap", obj(
            "config", obj("mining", obj("total_groups", 1, "racks_per_group", 2)),
            "stats", obj("dcs_specific", obj("equipment", obj("power_meters", arr(
                    obj("equipment", "PM-12", "role", "rack", "power", obj("value", 20, "unit", "kW")),
                    obj("equipment", "PM-2", "role", "rack", "power", obj("value", 10, "unit", "kW")),
                    obj("equipment", "PM-MV", "role", "site_main", "power", obj("value", 31, "unit", "kW"))))))))));

    @Test
    void withoutACentralDcsNothingIsAsked() {
        ScriptedOrks orks = new ScriptedOrks().ork("a", (m, r) -> DCS_THING);
        DcsService service = new DcsService(orks.requests(), AnalyticsSettings.NONE);
        DomainException e = assertThrows(DomainException.class,
                () -> service.energy(new EnergyView("miners"), false));
        assertEquals(ErrorKind.NOT_CONFIGURED, e.kind());
        assertEquals(DcsUseCase.FEATURE_NOT_ENABLED, e.code());
        assertTrue(orks.calls().isEmpty());
    }

    @Test
    void theFirstOrkHoldingADcsAnswersAndTheLayoutReadsTheRacksPower() {
        ScriptedOrks orks = new ScriptedOrks().ork("a", (m, r) -> m.equals("listThings") ? arr() : arr(arr()))
                .ork("b", (m, r) -> m.equals("listThings") ? DCS_THING
                        : arr(arr(obj("power_w_pdu_rack_group_sum_aggr", obj("group-1_rack-2", 900)))));
        DcsService service = new DcsService(orks.requests(), DCS);
        Map<?, ?> energy = (Map<?, ?>) orks.body(service.energy(new EnergyView("miners"), false).join());
        Map<?, ?> data = (Map<?, ?>) energy.get("data");
        assertEquals(List.of("PM-2", "PM-12"), ((List<?>) data.get("meters")).stream()
                .map(m -> ((Map<?, ?>) m).get("equipment")).toList(), "by the number in the tag");
        assertEquals("{power_kw=31.0, equipment=PM-MV}", data.get("site_total").toString());
        assertTrue(orks.calls("tailLogMulti").isEmpty());
        Map<?, ?> layout = (Map<?, ?>) orks.body(service.cooling(new CoolingView("miners", "layout"), false).join());
        Map<?, ?> room = (Map<?, ?>) ((Map<?, ?>) layout.get("data")).get("mining_room");
        assertEquals("[{id=G1, name=G1, vlan=129, rack_statuses=[false, true]}]", room.get("groups").toString());
        assertEquals(2, orks.calls("tailLogMulti").size(), "both ORKs asked for their racks' power");
    }

    @Test
    void noDcsIsNotFoundUnlessAnOrkThatMayHoldItFailed() {
        ScriptedOrks empty = new ScriptedOrks().ork("a", (m, r) -> arr());
        CompletionException none = assertThrows(CompletionException.class,
                () -> new DcsService(empty.requests(), DCS).energy(new EnergyView("layout"), false).join());
        assertEquals(DcsUseCase.DATA_NOT_FOUND, assertInstanceOf(DomainException.class, none.getCause()).code());
        ScriptedOrks oneFailed = new ScriptedOrks().ork("a", (m, r) -> arr()).ork("b", (m, r) -> ScriptedOrks.FAILED);
        CompletionException unavailable = assertThrows(CompletionException.class,
                () -> new DcsService(oneFailed.requests(), DCS).energy(new EnergyView("layout"), false).join());
        assertInstanceOf(OrksUnavailableException.class, unavailable.getCause());
    }
}
