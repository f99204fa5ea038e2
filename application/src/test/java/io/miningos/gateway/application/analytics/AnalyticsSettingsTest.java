package io.miningos.gateway.application.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnalyticsSettingsTest {

    @Test
    void readsTheFeatureKeysAsTheNodeGatewayDid() {
        assertEquals(AnalyticsSettings.NONE, AnalyticsSettings.of(Map.of()));
        assertEquals(new AnalyticsSettings(true, "t-dcs-hall", true, false, true), AnalyticsSettings.of(Map.of(
                "centralDCSSetup", Map.of("enabled", true, "tag", "t-dcs-hall"),
                "totalSystemConsumptionHeader", 1, "totalTransformerConsumptionHeader", "", "poolStats", "yes")));
        assertEquals(AnalyticsSettings.NONE, AnalyticsSettings.of(Map.of("centralDCSSetup",
                Map.of("enabled", "true", "tag", 5))), "enabled must be the boolean true; a bad tag is the default");
        assertEquals(new AnalyticsSettings(false, "t-dcs", false, true, false), AnalyticsSettings.of(Map.of(
                "centralDCSSetup", List.of(), "totalTransformerConsumptionHeader", Map.of(), "poolStats", 0)));
    }

    @Test
    void aBlankTagIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnalyticsSettings(true, " ", false, false, false));
    }
}
