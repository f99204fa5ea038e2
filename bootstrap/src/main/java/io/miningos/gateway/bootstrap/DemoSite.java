package io.miningos.gateway.bootstrap;

import io.miningos.gateway.application.globaldata.port.in.SeedGlobalDataUseCase;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded demo site: one simulated ORK holding the whole site (a real site runs one ORK behind this UI), the
 * operations UI's features that the simulated site can fill, and the stored data an operator would have entered
 * by now: a year of production costs, the site-energy threshold and the feature flags of the pages the demo
 * shows. That data is written at the demo's first start only (never on a configured site, and never over
 * anything an operator wrote).
 */
final class DemoSite {

    static final String ORK_ID = "cluster-1";
    /** About the size of the demo before it was one ORK (two ORKs of 250). */
    static final int MINERS = 500;
    /** Whatsminer M63s in one more container: the only miner rack reporting per-device power modes and statuses. */
    static final int M63_MINERS = 40;
    /** Every action needs a second approval, so the approve / reject / cancel flows have something to act on. */
    static final int REQUIRED_VOTES = 2;
    static final String SEED_ACTOR = "demo";
    static final double ENERGY_EXCLUSION_THRESHOLD_MWH = 0.05;

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);

    private DemoSite() {
    }

    static Map<String, Map<String, Object>> orks(String site) {
        Map<String, Object> ork = new LinkedHashMap<>();
        ork.put("transport", "sim");
        ork.put("seed", 1);
        ork.put("site", site);
        ork.put("miners", MINERS);
        ork.put("m63Miners", M63_MINERS);
        ork.put("requiredVotes", REQUIRED_VOTES);
        Map<String, Map<String, Object>> orks = new LinkedHashMap<>();
        orks.put(ORK_ID, ork);
        return orks;
    }

    /** The seed's feature map plus the UI features the simulated site supports. */
    static Map<String, Object> featureConfig(Map<String, Object> seedMap) {
        Map<String, Object> features = new LinkedHashMap<>(seedMap);
        features.put("containerCharts", true);
        features.put("containerAutomationControl", true);
        return features;
    }

    /**
     * Feature flags ({@code /auth/features}) of the pages the demo fills: user management, the inventory (the
     * simulated ORK keeps spare parts and repairs) and the reports.
     */
    static Map<String, Object> featureFlags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("userManagement", true);
        flags.put("inventory", true);
        flags.put("hashrateReport", true);
        flags.put("siteEnergyEnabled", true);
        flags.put("siteOperationsEnabled", true);
        return flags;
    }

    /**
     * Production costs of the twelve months up to this one (UTC), in the fields the UI's cost input writes;
     * about what 500 miners and their cooling cost (≈ 1.9 MW, ≈ 1,400 MWh a month at ≈ 45 USD/MWh).
     */
    static List<Object> productionCosts(LocalDate today) {
        List<Object> months = new ArrayList<>();
        LocalDate first = today.withDayOfMonth(1).minusMonths(11);
        for (int i = 0; i < 12; i++) {
            LocalDate month = first.plusMonths(i);
            Map<String, Object> costs = new LinkedHashMap<>();
            costs.put("year", month.getYear());
            costs.put("month", month.getMonthValue());
            costs.put("energyCost", 58_000 + 900 * ((month.getMonthValue() * 7) % 9));
            costs.put("operationalCost", 14_000 + 250 * ((month.getMonthValue() * 5) % 7));
            months.add(costs);
        }
        return months;
    }

    /** The UI saves and reads the site energy under lodash's {@code capitalize(site)}: {@code Demo-site}. */
    static Map<String, Object> siteEnergy(String site) {
        Map<String, Object> energy = new LinkedHashMap<>();
        energy.put("site", site.isEmpty() ? site : site.substring(0, 1).toUpperCase() + site.substring(1).toLowerCase());
        energy.put("energyExclusionThresholdMwh", ENERGY_EXCLUSION_THRESHOLD_MWH);
        return energy;
    }

    /** Writes the stored data of a first start; types the site already has records of are left alone. */
    static void seed(SeedGlobalDataUseCase data, String site, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean costs = data.seedIfNone(GlobalDataType.PRODUCTION_COSTS, productionCosts(today), SEED_ACTOR);
        boolean energy = data.seedIfNone(GlobalDataType.SITE_ENERGY, List.of(siteEnergy(site)), SEED_ACTOR);
        boolean flags = data.seedIfNone(GlobalDataType.FEATURES, List.of(featureFlags()), SEED_ACTOR);
        if (costs || energy || flags) {
            LOG.info("demo site: stored {}{}{}", costs ? "a year of production costs; " : "",
                    energy ? "the site-energy threshold; " : "", flags ? "the feature flags of its pages" : "");
        }
    }
}
