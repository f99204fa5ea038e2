package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's energy settings, one document per site: {@code {site, energyExclusionThresholdMwh}} (hours consuming
 * less than the threshold are left out of energy reports). Further fields are kept as written.
 */
public final class SiteEnergy {

    public static final String INVALID_THRESHOLD = "ERR_INVALID_THRESHOLD";

    private SiteEnergy() {
    }

    static GlobalRecord record(SiteName site, Map<String, Object> data) {
        String siteSpelling = site.spellingFor(data.get("site"));
        Object threshold = data.get("energyExclusionThresholdMwh");
        if (threshold != null && !DocumentFields.isNonNegativeNumber(threshold)) {
            throw DomainException.invalid(INVALID_THRESHOLD);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("site", siteSpelling);
        data.forEach(document::putIfAbsent);
        return new GlobalRecord(GlobalDataType.SITE_ENERGY, site.value(), RecordKey.SINGLE, document);
    }
}
