package io.miningos.gateway.adapters.ork.sim.site;

import java.util.Map;
import java.util.Set;

/** What actions changed on one container. */
public final class ContainerControl {
    /** Main control on/off ({@code switchContainer}); miners lose power while off. */
    public final Timeline<Boolean> running = new Timeline<>(true);
    /** Cooling on/off ({@code switchCoolingSystem}); miners overheat while it is off and the container runs. */
    public final Timeline<Boolean> cooling = new Timeline<>(true);
    /** Disabled sockets, as {@code "<pdu>_<socket>"} positions. */
    public final Timeline<Set<String>> disabledSockets = new Timeline<>(Set.of());
    /** Alarm thresholds and set points ({@code setTemperatureSettings}), merged over the defaults. */
    public final Timeline<Map<String, Object>> temperatureSettings = new Timeline<>(Map.of());
    /** Tank 1/2 and exhaust-fan switches, cooling fan thresholds: free-form vendor settings. */
    public final Timeline<Map<String, Object>> vendorSettings = new Timeline<>(Map.of());
    /** When the alarms were last reset ({@code resetAlarm}); device alarms raised before are cleared. */
    public final Timeline<Long> alarmResetAt = new Timeline<>(Long.MIN_VALUE);
}
