package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Brand;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;

import java.util.List;

/**
 * The alert names, severities and descriptions the simulated racks raise, taken from the real racks' alert
 * configurations, and the device faults behind them.
 *
 * <p>{@code hashFactor} is the share of hashrate left while the fault lasts (0 = the miner stops hashing).
 */
public final class AlertCatalog {

    /** A device-reported fault. {@code minor} faults leave a Whatsminer mining. */
    public record DeviceFault(String code, String name, String severity, String description, double hashFactor,
                              boolean minor) {
    }

    private static final List<DeviceFault> WHATSMINER = List.of(
            new DeviceFault("206", "power_input_voltage_low", "medium", "PSU input voltage is low", 1.0, true),
            new DeviceFault("2020", "pool_connect_failed", "high", "Failed to connect to the mining pool", 0.0, false),
            new DeviceFault("110", "hashrate_low", "medium", "Hashrate below the expected value", 0.82, false),
            new DeviceFault("530", "hashboard_error", "high", "Hashboard error, board not detected", 0.66, false),
            new DeviceFault("2340", "high_loss_of_hash_rate", "medium", "Hashrate loss above threshold", 0.88, false),
            new DeviceFault("350", "temp_protecting", "critical", "Temperature protection: hashboards stopped", 0.0,
                    false));

    private static final List<DeviceFault> ANTMINER = List.of(
            new DeviceFault("R:1", "hashrate_low", "medium", "Hashrate below the expected value", 0.82, false),
            new DeviceFault("J0:6", "temp_sensor_error", "critical", "Temperature sensor error", 1.0, false),
            new DeviceFault("V:1", "power_init_error", "medium", "Power supply initialisation error", 0.0, false),
            new DeviceFault("J0:8", "insufficient_hashboards", "medium", "Fewer hashboards than expected", 0.66,
                    false));

    private static final List<DeviceFault> AVALON = List.of(
            new DeviceFault("E:1", "hashrate_low", "medium", "Hashrate below the expected value", 0.82, false),
            new DeviceFault("E:3", "fan_speed_error", "high", "Fan speed out of range", 1.0, false),
            new DeviceFault("E:7", "hashboard_error", "high", "Hashboard error, board not detected", 0.66, false));

    private static final List<DeviceFault> BITDEER = List.of(
            new DeviceFault(null, "oil_pump_error", "critical", "Oil pump reports an error", 1.0, false),
            new DeviceFault(null, "water_pump_error", "critical", "Water pump reports an error", 1.0, false),
            new DeviceFault(null, "hot_oil_overheat", "critical", "Hot oil temperature above the alarm level", 1.0,
                    false));

    private static final List<DeviceFault> MICROBT = List.of(
            new DeviceFault(null, "fan_fault", "high", "Cooling fan fault", 1.0, false),
            new DeviceFault(null, "high_pressure_diff_filter", "high", "Pressure difference across the filter is high",
                    1.0, false),
            new DeviceFault(null, "power_fault", "medium", "Power supply fault", 1.0, false));

    private AlertCatalog() {
    }

    public static List<DeviceFault> minerFaults(Brand brand) {
        return switch (brand) {
            case WHATSMINER -> WHATSMINER;
            case ANTMINER -> ANTMINER;
            case AVALON -> AVALON;
        };
    }

    /** Device alarms of a container model; Antspace alarms were not reviewed, so Antspace raises none. */
    public static List<DeviceFault> containerFaults(ContainerModel model) {
        if (model.isBitdeer()) {
            return BITDEER;
        }
        if (model.isMicroBt()) {
            return MICROBT;
        }
        return List.of();
    }

    public static final String PCB_WARNING = "Hashboard temperature above 75 °C; miner shuts down at 80 °C";
    public static final String PCB_CRITICAL = "Hashboard temperature at or above 80 °C";
    public static final String WM_PCB = "PCB temperature above the limit for the power mode";
    public static final String WM_CHIP = "Chip average temperature above the limit for the power mode";
    public static final String OIL_HIGH = "Transformer oil temperature above 80 °C";
    public static final String OIL_CRITICAL = "Transformer oil temperature above 90 °C";
    public static final String CABINET_HIGH = "LV cabinet temperature above 60 °C";
    public static final String CABINET_ALERT = "LV cabinet temperature above 70 °C";
    public static final String SENSOR_ERROR = "Sensor reading invalid (850)";
}
