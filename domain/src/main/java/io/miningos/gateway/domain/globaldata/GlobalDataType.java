package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

/**
 * The kinds of site-wide data the gateway stores, named as in the API's {@code type} parameter. Each kind says how
 * its records are keyed: production costs by month (a number, so ranges apply), container settings by model, and
 * site energy and feature flags as one document per site.
 */
public enum GlobalDataType {
    PRODUCTION_COSTS("productionCosts", true),
    CONTAINER_SETTINGS("containerSettings", false),
    SITE_ENERGY("siteEnergy", false),
    FEATURES("features", false);

    public static final String INVALID = "ERR_INVALID_TYPE";

    private final String wireName;
    private final boolean rangeKeyed;

    GlobalDataType(String wireName, boolean rangeKeyed) {
        this.wireName = wireName;
        this.rangeKeyed = rangeKeyed;
    }

    /** The name used in requests and responses, e.g. {@code productionCosts}. */
    public String wireName() {
        return wireName;
    }

    /** True when records have a numeric key that {@code gt/gte/lt/lte} select on. */
    public boolean isRangeKeyed() {
        return rangeKeyed;
    }

    /** True for the kinds stored as one document per site that reads answer as a bare object. */
    public boolean isSingleObject() {
        return this == FEATURES;
    }

    /** Parses the {@code type} parameter (exact, case-sensitive); anything else is {@code ERR_INVALID_TYPE}. */
    public static GlobalDataType parse(String text) {
        for (GlobalDataType type : values()) {
            if (type.wireName.equals(text)) {
                return type;
            }
        }
        throw DomainException.invalid(INVALID);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
