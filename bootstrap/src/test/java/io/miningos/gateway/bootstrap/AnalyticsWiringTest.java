package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.persistence.JooqGlobalDataStore;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;
import io.miningos.gateway.application.analytics.port.out.ProductionCostRecords;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.SiteName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalyticsWiringTest {

    @TempDir
    Path dataDir;

    @Test
    void theProductionCostsAreThisSitesStoredRecordsInMonthOrderReadAnewEachTime() {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir)) {
            JooqGlobalDataStore store = new JooqGlobalDataStore(db);
            SiteName site = new SiteName("north");
            Instant now = Instant.parse("2026-06-03T00:00:00Z");
            store.put(GlobalRecord.written(GlobalDataType.PRODUCTION_COSTS, site,
                    Map.of("year", 2026, "month", 6, "energyCost", 450000, "operationalCost", 90000)), now);
            store.put(GlobalRecord.written(GlobalDataType.PRODUCTION_COSTS, new SiteName("south"),
                    Map.of("year", 2026, "month", 1, "energyCost", 1, "operationalCost", 1)), now);
            ProductionCostRecords costs = AnalyticsWiring.productionCosts(store, site);
            assertEquals(List.of(6), costs.all().stream().map(r -> r.get("month")).toList(), "this site's only");
            store.put(GlobalRecord.written(GlobalDataType.PRODUCTION_COSTS, site,
                    Map.of("year", 2026, "month", 5, "energyCost", new BigDecimal("1.5"), "operationalCost", 0)), now);
            assertEquals(List.of(5, 6), costs.all().stream().map(r -> r.get("month")).toList());
            assertEquals("north", costs.all().getFirst().get("site"));
        }
    }

    @Test
    void theFeatureSettingsComeFromTheStaticFeatureMap() {
        GatewayConfig config = ConfigLoader.embeddedDefault().withFeatureConfig(Map.of("centralDCSSetup",
                Map.of("enabled", true, "tag", "t-hall")));
        assertEquals("t-hall", AnalyticsWiring.settings(config).dcsTag());
    }
}
