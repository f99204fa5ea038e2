package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one container model at this site: {@code {site, model, parameters, thresholds}}, keyed by the model.
 * {@code parameters} is an object of operating values ({@code startTemp}, {@code coolOilSetTemp}...);
 * {@code thresholds} an object of measured quantities ({@code waterTemperature}, {@code tankPressure}...) each
 * holding its level values ({@code criticalLow} ... {@code criticalHigh}), each absent, null or a number from 0 to
 * {@link #MAX_THRESHOLD} (temperatures in °C, pressures in bar). Further fields are kept as written.
 */
public final class ContainerSettings {

    public static final String INVALID_MODEL = "ERR_INVALID_MODEL";
    public static final String INVALID_PARAMETERS = "ERR_INVALID_PARAMETERS";
    public static final String INVALID_THRESHOLDS = "ERR_INVALID_THRESHOLDS";
    public static final int MAX_MODEL_LENGTH = 200;
    public static final BigDecimal MAX_THRESHOLD = BigDecimal.TEN.pow(6);

    private ContainerSettings() {
    }

    static GlobalRecord record(SiteName site, Map<String, Object> data) {
        String siteSpelling = site.spellingFor(data.get("site"));
        String model = DocumentFields.name(data.get("model"), MAX_MODEL_LENGTH, INVALID_MODEL);
        DocumentFields.optionalObject(data.get("parameters"), INVALID_PARAMETERS);
        Map<String, Object> thresholds = DocumentFields.optionalObject(data.get("thresholds"), INVALID_THRESHOLDS);
        if (thresholds != null) {
            for (Object quantity : thresholds.values()) {
                Map<String, Object> levels = DocumentFields.optionalObject(quantity, INVALID_THRESHOLDS);
                if (levels != null && !levels.values().stream().allMatch(ContainerSettings::isLevel)) {
                    throw DomainException.invalid(INVALID_THRESHOLDS);
                }
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("site", siteSpelling);
        document.put("model", model);
        data.forEach(document::putIfAbsent);
        return new GlobalRecord(GlobalDataType.CONTAINER_SETTINGS, site.value(), RecordKey.ofName(model), document);
    }

    private static boolean isLevel(Object value) {
        return value == null || DocumentFields.isNumberWithin(value, BigDecimal.ZERO, MAX_THRESHOLD);
    }
}
