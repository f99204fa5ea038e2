package io.miningos.gateway.domain.globaldata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one container model at this site: {@code {site, model, parameters, thresholds}}, keyed by the model.
 * {@code parameters} is an object of operating values ({@code startTemp}, {@code coolOilSetTemp}...);
 * {@code thresholds} an object of measured quantities ({@code waterTemperature}, {@code tankPressure}...) each
 * holding its level values ({@code criticalLow} ... {@code criticalHigh}). Further fields are kept as written.
 */
public final class ContainerSettings {

    public static final String INVALID_MODEL = "ERR_INVALID_MODEL";
    public static final String INVALID_PARAMETERS = "ERR_INVALID_PARAMETERS";
    public static final String INVALID_THRESHOLDS = "ERR_INVALID_THRESHOLDS";
    public static final int MAX_MODEL_LENGTH = 200;

    private ContainerSettings() {
    }

    static GlobalRecord record(SiteName site, Map<String, Object> data) {
        String siteSpelling = site.spellingFor(data.get("site"));
        String model = DocumentFields.name(data.get("model"), MAX_MODEL_LENGTH, INVALID_MODEL);
        DocumentFields.optionalObject(data.get("parameters"), INVALID_PARAMETERS);
        Map<String, Object> thresholds = DocumentFields.optionalObject(data.get("thresholds"), INVALID_THRESHOLDS);
        if (thresholds != null) {
            for (Object levels : thresholds.values()) {
                DocumentFields.optionalObject(levels, INVALID_THRESHOLDS);
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("site", siteSpelling);
        document.put("model", model);
        data.forEach(document::putIfAbsent);
        return new GlobalRecord(GlobalDataType.CONTAINER_SETTINGS, site.value(), RecordKey.ofName(model), document);
    }
}
