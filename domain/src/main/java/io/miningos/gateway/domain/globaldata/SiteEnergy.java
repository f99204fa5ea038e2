package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's energy settings, one document per site: {@code {site, energyExclusionThresholdMwh}} (hours consuming
 * less than the threshold are left out of energy reports), a number from 0 to {@link #MAX_THRESHOLD_MWH}. Further
 * fields are kept as written.
 */
public final class SiteEnergy {

    public static final String INVALID_THRESHOLD = "ERR_INVALID_THRESHOLD";
    /** A million MWh: the hourly draw of a site a thousand times larger than the largest mine. */
    public static final BigDecimal MAX_THRESHOLD_MWH = BigDecimal.TEN.pow(6);

    private SiteEnergy() {
    }

    static GlobalRecord record(SiteName site, Map<String, Object> data) {
        String siteSpelling = site.spellingFor(data.get("site"));
        Object threshold = data.get("energyExclusionThresholdMwh");
        if (threshold != null && !DocumentFields.isNumberWithin(threshold, BigDecimal.ZERO, MAX_THRESHOLD_MWH)) {
            throw DomainException.invalid(INVALID_THRESHOLD);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("site", siteSpelling);
        data.forEach(document::putIfAbsent);
        return new GlobalRecord(GlobalDataType.SITE_ENERGY, site.value(), RecordKey.SINGLE, document);
    }
}
