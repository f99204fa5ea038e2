package io.miningos.gateway.adapters.ork.sim.actions;

import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.MinerModel;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rack offers which action (its whitelist), how many approvals each needs, and the push-time parameter
 * checks the real device workers run ({@code validateWriteAction}).
 */
public final class ActionCatalog {

    /** Actions that name a rack rather than select things with the query. */
    public static final Set<String> RACK_ACTIONS = Set.of("registerThing", "updateThing", "forgetThings", "rackReboot");

    private static final Set<String> MINER = Set.of("reboot", "setPowerMode", "setLED", "setupPools", "updateFirmware",
            "registerThing", "updateThing", "forgetThings", "rackReboot");
    /** The spare-part racks register, update (move) and forget parts. */
    private static final Set<String> PART = Set.of("registerThing", "updateThing", "forgetThings");
    private static final Set<String> CONTAINER = Set.of("switchContainer", "switchCoolingSystem", "switchSocket",
            "rackReboot");
    private static final Set<String> TWO_VOTES = Set.of("rackReboot", "setUpfreqSpeed", "setTemperatureSettings",
            "resetCoolingSystem", "setLiquidSupplyTemperature");

    private ActionCatalog() {
    }

    /** Whether {@code rack} whitelisted {@code action}. */
    public static boolean offers(SimRack rack, String action) {
        return switch (rack.kind()) {
            case MINER -> MINER.contains(action)
                    || action.equals("setPowerPct") && rack.type().startsWith("miner-wm-")
                    || action.equals("setUpfreqSpeed") && rack.type().equals(MinerModel.WM_M63.type());
            case CONTAINER -> CONTAINER.contains(action) || containerSpecific(rack.type(), action);
            case SENSOR, POWERMETER -> action.equals("rackReboot");
            case INVENTORY -> PART.contains(action);
            case MINERPOOL, MEMPOOL, ELECTRICITY -> false;
        };
    }

    private static boolean containerSpecific(String type, String action) {
        if (type.startsWith("container-bd-")) {
            return Set.of("setTankEnabled", "setAirExhaustEnabled", "resetAlarm", "setTemperatureSettings")
                    .contains(action);
        }
        if (type.startsWith("container-mbt-")) {
            return action.equals("setCoolingFanThreshold");
        }
        if (type.startsWith("container-as-")) {
            return action.equals("resetCoolingSystem") || action.equals("setLiquidSupplyTemperature");
        }
        return false;
    }

    /** Approvals the rack asks for this action. */
    public static int votes(String action) {
        return TWO_VOTES.contains(action) ? 2 : 1;
    }

    /** Checks {@code params} for one target thing; throws the device worker's validation error. */
    public static void validate(SimThing thing, String action, List<Object> params) {
        Object p0 = params.isEmpty() ? null : params.get(0);
        switch (action) {
            case "setPowerMode" -> {
                MinerModel model = thing.minerModel();
                if (!(p0 instanceof String mode) || model == null || !model.powerModes().contains(mode)) {
                    throw new OrkError(OrkErrors.SET_POWER_MODE_INVALID);
                }
            }
            case "setLED" -> requireBoolean(p0, OrkErrors.SET_LED_ENABLED_INVALID);
            case "switchContainer" -> requireBoolean(p0, OrkErrors.SWITCH_CONTAINER_ENABLED_INVALID);
            case "switchCoolingSystem" -> requireBoolean(p0, OrkErrors.SWITCH_COOLING_SYSTEM_ENABLED_INVALID);
            case "setAirExhaustEnabled" -> requireBoolean(p0, OrkErrors.AIR_EXHAUST_ENABLED_INVALID);
            case "switchSocket" -> validateSockets(thing, p0);
            case "setPowerPct" -> {
                if (!(p0 instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 200) {
                    throw new OrkError(OrkErrors.POWER_PCT_INVALID);
                }
            }
            case "setUpfreqSpeed" -> {
                if (!(p0 instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 10) {
                    throw new OrkError(OrkErrors.UPFREQ_SPEED_INVALID);
                }
            }
            case "setupPools" -> validatePools(p0);
            case "updateFirmware" -> {
                if (!(p0 instanceof String s) || s.isBlank()) {
                    throw new OrkError(OrkErrors.FIRMWARE_FILE_INVALID);
                }
            }
            case "setTankEnabled" -> {
                if (!(p0 instanceof Number n) || (n.intValue() != 1 && n.intValue() != 2)) {
                    throw new OrkError(OrkErrors.TANK_INDEX_INVALID);
                }
                requireBoolean(params.size() > 1 ? params.get(1) : null, OrkErrors.TANK_ENABLED_INVALID);
            }
            case "setTemperatureSettings", "setCoolingFanThreshold", "setLiquidSupplyTemperature" -> {
                if (!(p0 instanceof Map<?, ?> m) || m.isEmpty()
                        || !m.values().stream().allMatch(v -> v instanceof Number)) {
                    throw new OrkError(action.equals("setCoolingFanThreshold") ? OrkErrors.COOLING_FAN_THRESHOLD_INVALID
                            : OrkErrors.TEMPERATURE_SETTINGS_INVALID);
                }
            }
            default -> {
                // reboot, resetAlarm, resetCoolingSystem and rack actions take no thing-level parameters
            }
        }
    }

    private static void requireBoolean(Object v, String code) {
        if (!(v instanceof Boolean)) {
            throw new OrkError(code);
        }
    }

    private static void validateSockets(SimThing thing, Object p0) {
        if (!(p0 instanceof List<?> list) || list.isEmpty()) {
            throw new OrkError(OrkErrors.SWITCH_SOCKET_ARGS_INVALID);
        }
        ContainerModel model = thing.role() instanceof ThingRole.Container c ? c.site().model() : null;
        for (Object item : list) {
            if (!(item instanceof List<?> t) || t.size() != 3) {
                throw new OrkError(OrkErrors.SWITCH_SOCKET_ARGS_INVALID);
            }
            if (!(t.get(0) instanceof String pdu) || !(pdu.equals("-1") || model != null
                    && model.pdus().contains(pdu))) {
                throw new OrkError(OrkErrors.SWITCH_SOCKET_PDU_INDEX_INVALID);
            }
            if (!(t.get(1) instanceof String socket) || !(socket.equals("-1") || model != null
                    && (pdu.equals("-1") ? model.pdus().stream().anyMatch(p -> model.sockets(p).contains(socket))
                    : model.sockets(pdu).contains(socket)))) {
                throw new OrkError(OrkErrors.SWITCH_SOCKET_SOCKET_INDEX_INVALID);
            }
            if (!(t.get(2) instanceof Boolean)) {
                throw new OrkError(OrkErrors.SWITCH_SOCKET_ENABLED_INVALID);
            }
        }
    }

    private static void validatePools(Object p0) {
        if (p0 == null) {
            return;
        }
        if (!(p0 instanceof Map<?, ?> m) || !(m.get("config") instanceof Map<?, ?> config)
                || !(config.get("poolUrls") instanceof List<?> urls) || urls.isEmpty()) {
            throw new OrkError(OrkErrors.SETUP_POOLS_INVALID);
        }
        for (Object u : urls) {
            if (!(u instanceof Map<?, ?> pool) || !(pool.get("url") instanceof String url) || url.isBlank()
                    || !(pool.get("workerName") instanceof String)) {
                throw new OrkError(OrkErrors.SETUP_POOLS_INVALID);
            }
        }
    }

    /** The base type of a rack type ({@code miner-wm-m56s} → {@code miner}). */
    public static String baseType(String type) {
        int dash = type.indexOf('-');
        return dash < 0 ? type : type.substring(0, dash);
    }

    /** Whether {@code authPerms} ({@code "<type>:<levels>"}) grant write on a rack kind. */
    public static boolean canWrite(List<String> authPerms, ThingKind kind) {
        for (String p : authPerms) {
            int colon = p.indexOf(':');
            if (colon > 0 && p.substring(0, colon).equals(kind.baseType()) && p.substring(colon + 1).contains("w")) {
                return true;
            }
        }
        return false;
    }
}
