package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GlobalDataTypeTest {

    @Test
    void parsesTheFourWireNames() {
        assertEquals(GlobalDataType.PRODUCTION_COSTS, GlobalDataType.parse("productionCosts"));
        assertEquals(GlobalDataType.CONTAINER_SETTINGS, GlobalDataType.parse("containerSettings"));
        assertEquals(GlobalDataType.SITE_ENERGY, GlobalDataType.parse("siteEnergy"));
        assertEquals(GlobalDataType.FEATURES, GlobalDataType.parse("features"));
    }

    @Test
    void anythingElseIsAnInvalidType() {
        for (String text : new String[]{null, "", "ProductionCosts", "userSettings", "costParameters"}) {
            DomainException e = assertThrows(DomainException.class, () -> GlobalDataType.parse(text));
            assertEquals("ERR_INVALID_TYPE", e.code());
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        }
    }
}
