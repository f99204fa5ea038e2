package io.miningos.gateway.application.analytics;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;

import java.util.Map;
import java.util.Objects;

/**
 * What the site's static {@code featureConfig} (common.json) says about how the analytics routes read the site,
 * as the Node gateway read the same keys:
 *
 * @param dcsEnabled                   {@code centralDCSSetup.enabled === true}: the site has a central DCS (routes
 *                                     that need one answer 501 {@code ERR_FEATURE_NOT_ENABLED} otherwise)
 * @param dcsTag                       {@code centralDCSSetup.tag}, the DCS thing's tag (default {@value #DEFAULT_DCS_TAG})
 * @param systemConsumptionHeader      {@code totalSystemConsumptionHeader} is truthy
 * @param transformerConsumptionHeader {@code totalTransformerConsumptionHeader} is truthy: site power is the sum of
 *                                     the transformer meters
 * @param poolStats                    {@code poolStats} is truthy: miner lists are enriched with pool data
 */
public record AnalyticsSettings(boolean dcsEnabled, String dcsTag, boolean systemConsumptionHeader,
                                boolean transformerConsumptionHeader, boolean poolStats) {

    public static final String DEFAULT_DCS_TAG = "t-dcs";
    /** A route that needs a central DCS on a site without one (501). */
    public static final String FEATURE_NOT_ENABLED = "ERR_FEATURE_NOT_ENABLED";
    /** The site has a central DCS but no ORK has its thing (404). */
    public static final String DCS_DATA_NOT_FOUND = "ERR_DCS_DATA_NOT_FOUND";
    /** No DCS, no header variants, no pool enrichment. */
    public static final AnalyticsSettings NONE = new AnalyticsSettings(false, DEFAULT_DCS_TAG, false, false, false);

    public AnalyticsSettings {
        Objects.requireNonNull(dcsTag, "dcsTag");
        if (dcsTag.isBlank()) {
            throw new IllegalArgumentException("the DCS tag must not be blank");
        }
    }

    /** Refuses a DCS route on a site without a central DCS: 501 {@value #FEATURE_NOT_ENABLED}, before any ORK is asked. */
    public void requireDcs() {
        if (!dcsEnabled) {
            throw new DomainException(ErrorKind.NOT_CONFIGURED, FEATURE_NOT_ENABLED);
        }
    }

    /** Reads the keys above from a feature map (plain JSON values); anything else in it is ignored. */
    public static AnalyticsSettings of(Map<String, Object> featureConfig) {
        boolean dcs = false;
        String tag = DEFAULT_DCS_TAG;
        if (featureConfig.get("centralDCSSetup") instanceof Map<?, ?> setup) {
            dcs = Boolean.TRUE.equals(setup.get("enabled"));
            if (setup.get("tag") instanceof String t && !t.isBlank()) {
                tag = t;
            }
        }
        return new AnalyticsSettings(dcs, tag, truthy(featureConfig.get("totalSystemConsumptionHeader")),
                truthy(featureConfig.get("totalTransformerConsumptionHeader")), truthy(featureConfig.get("poolStats")));
    }

    /** JavaScript truthiness, which the Node gateway applied to these flags. */
    private static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Number n -> n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
            default -> true;
        };
    }
}
