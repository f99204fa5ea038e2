package io.miningos.gateway.application.multisite;

import io.miningos.gateway.application.cache.CachedAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.site.SiteNominals;

import java.util.List;

/**
 * A site's nameplate figures from its gateway's {@code GET /auth/global-config} (one config per ORK, added up as
 * {@link SiteNominals} does): hashrate (MH/s), available power (W), miner slots, and the miners' nominal
 * efficiency (W/TH/s, the mean over the ORKs weighted by their slots). Null where no ORK gives the figure. An answer
 * that is not an array of objects (or one object) is the site's failure.
 */
public record SiteCapacity(Double hashrateMhs, Double availablePowerW, Long minerCapacity, Double efficiencyWThs)
        implements CachedAnswer {

    public static final SiteCapacity NONE = new SiteCapacity(null, null, null, null);

    public static SiteCapacity read(JsonView answer) {
        List<JsonView> configs;
        if (answer.isArray()) {
            configs = answer.items();
        } else if (answer.isObject()) {
            configs = List.of(answer);
        } else {
            throw new IllegalArgumentException("not an array of global configs");
        }
        if (configs.size() > 1000 || configs.stream().anyMatch(c -> !c.isObject())) {
            throw new IllegalArgumentException("not an array of global configs");
        }
        SiteNominals nominals = SiteNominals.read(configs);
        Long capacity = null;
        double weighted = 0;
        long weights = 0;
        for (JsonView config : configs) {
            Long slots = config.get("nominalSiteMinerCapacity").asLong();
            Double efficiency = config.get("nominalSiteWeightedAvgEfficiency").asDouble();
            if (slots != null && slots > 0 && slots < 10_000_000) {
                capacity = capacity == null ? slots : capacity + slots;
                if (efficiency != null && efficiency > 0 && efficiency < 10_000) {
                    weighted += efficiency * slots;
                    weights += slots;
                }
            }
        }
        return new SiteCapacity(nominals.hashrateMhs(), nominals.powerMW() == null ? null : nominals.powerMW() * 1e6,
                capacity, weights == 0 ? null : weighted / weights);
    }

    @Override
    public long sizeBytes() {
        return 64;
    }

    @Override
    public boolean isComplete() {
        return true;
    }
}
