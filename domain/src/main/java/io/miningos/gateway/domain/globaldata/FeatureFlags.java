package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Map;

/**
 * The site's dynamic feature flags, one document per site: {@code {"experimentalDashboard": true, ...}}. Names
 * are non-blank (at most {@value #MAX_NAME_LENGTH} characters) and every value is a boolean. The document is
 * returned as written, without a {@code site} field (the UI reads every field as a flag); the record is still
 * filed under this site.
 */
public final class FeatureFlags {

    public static final String INVALID = "ERR_INVALID_FEATURES";
    static final int MAX_NAME_LENGTH = 100;

    private FeatureFlags() {
    }

    static GlobalRecord record(SiteName site, Map<String, Object> data) {
        data.forEach((name, value) -> {
            if (name.isBlank() || name.length() > MAX_NAME_LENGTH || !(value instanceof Boolean)) {
                throw DomainException.invalid(INVALID);
            }
        });
        return new GlobalRecord(GlobalDataType.FEATURES, site.value(), RecordKey.SINGLE, data);
    }
}
