package io.miningos.gateway.bootstrap;

import io.miningos.gateway.application.analytics.AnalyticsSettings;
import io.miningos.gateway.application.analytics.port.out.ProductionCostRecords;
import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.SiteName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The analytics routes' gateway-local inputs: the site's stored production costs and its feature settings. */
final class AnalyticsWiring {

    private AnalyticsWiring() {
    }

    /** This site's {@code productionCosts} records, read from the store each time (month order). */
    static ProductionCostRecords productionCosts(GlobalDataStore store, SiteName site) {
        RecordScan scan = RecordScan.all(GlobalDataType.PRODUCTION_COSTS, site.value());
        return () -> store.scan(scan, documents -> {
            List<Map<String, Object>> out = new ArrayList<>();
            documents.forEach(out::add);
            return List.copyOf(out);
        });
    }

    static AnalyticsSettings settings(GatewayConfig config) {
        return AnalyticsSettings.of(config.featureConfig());
    }
}
