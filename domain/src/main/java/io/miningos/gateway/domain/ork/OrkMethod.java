package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.caller.Caller;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ORK RPC methods the gateway calls: the one catalogue of them, read by the application (which method a use
 * case sends, which cached route holds a read's answers, which cached routes a write makes stale, which right a
 * write needs) and by the simulated ORK (which methods it must answer, and which of them change state). What each
 * method takes and answers is in {@code docs/ORK.md} §11.
 *
 * <p>The ORKs own what these methods read and write (things, actions, comments, rack settings, global config);
 * the gateway relays them, stamping the caller in where the ORK checks it ({@code voter}, {@code authPerms},
 * {@code user}). What the gateway decides itself is here: whether it lets a caller send a write at all
 * ({@link #authorize}), and how long it keeps the answers.
 */
public enum OrkMethod {

    LIST_THINGS("listThings", "/auth/list-things"),
    /** For the analytics routes (docs/analytics-design.md), which count things without listing them. */
    GET_THINGS_COUNT("getThingsCount", null),
    LIST_RACKS("listRacks", "/auth/list-racks"),
    GET_WRK_EXT_DATA("getWrkExtData", "/auth/ext-data"),
    GET_WRK_CONF("getWrkConf", "/auth/worker-config"),
    /** Never cached: {@code nextAvailableCode} must be fresh. */
    GET_THING_CONF("getThingConf", null),
    GET_WRK_SETTINGS("getWrkSettings", null),
    GET_GLOBAL_CONFIG("getGlobalConfig", "/auth/global-config"),
    /** Stored pool configs, for the analytics routes (docs/analytics-design.md), which cache what they compute. */
    GET_CONFIGS("getConfigs", null),
    /** Known miner firmwares, for the analytics routes (docs/analytics-design.md). */
    LIST_FIRMWARES("listFirmwares", null),
    QUERY_ACTIONS("queryActions", Routes.ACTIONS),
    GET_ACTIONS_BATCH("getActionsBatch", Routes.ACTIONS_BATCH),
    GET_ACTION("getAction", Routes.ACTION),
    TAIL_LOG("tailLog", "/auth/tail-log"),
    TAIL_LOG_MULTI("tailLogMulti", "/auth/tail-log/multi"),
    TAIL_LOG_CUSTOM_RANGE_AGGR("tailLogCustomRangeAggr", "/auth/tail-log/range-aggr"),
    GET_HISTORICAL_LOGS("getHistoricalLogs", "/auth/history-log"),

    SET_GLOBAL_CONFIG("setGlobalConfig", WriteRight.FEATURES, "/auth/global-config"),
    /**
     * The energy forecast's settings and available energy, kept by an electricity worker (the analytics routes
     * {@code POST /auth/energy/forecast/settings} and {@code /auth/energy/available}, docs/analytics-design.md).
     */
    SET_WRK_EXT_DATA("setWrkExtData", WriteRight.MINERS, "/auth/ext-data", "/auth/energy/forecast",
            "/auth/energy/forecast/settings"),
    /** Nothing to drop: worker settings are never cached. */
    SAVE_WRK_SETTINGS("saveWrkSettings", WriteRight.WRITE),
    /** Comments are part of every thing {@code list-things} returns. */
    SAVE_THING_COMMENT("saveThingComment", WriteRight.COMMENTS, "/auth/list-things"),
    EDIT_THING_COMMENT("editThingComment", WriteRight.COMMENTS, "/auth/list-things"),
    DELETE_THING_COMMENT("deleteThingComment", WriteRight.COMMENTS, "/auth/list-things"),
    PUSH_ACTION("pushAction", WriteRight.WRITE, Routes.ACTIONS, Routes.ACTIONS_BATCH, Routes.ACTION),
    PUSH_ACTIONS_BATCH("pushActionsBatch", WriteRight.WRITE, Routes.ACTIONS, Routes.ACTIONS_BATCH, Routes.ACTION),
    VOTE_ACTION("voteAction", WriteRight.WRITE, Routes.ACTIONS, Routes.ACTIONS_BATCH, Routes.ACTION),
    CANCEL_ACTIONS_BATCH("cancelActionsBatch", WriteRight.WRITE, Routes.ACTIONS, Routes.ACTIONS_BATCH,
            Routes.ACTION);

    /** The cached routes of the action pipeline, which every action write makes stale. */
    private static final class Routes {
        static final String ACTIONS = "/auth/actions";
        static final String ACTIONS_BATCH = "/auth/actions/batch";
        static final String ACTION = "/auth/actions/:type/:id";
    }

    private final String wireName;
    private final String cacheRoute;
    private final WriteRight right;
    private final List<String> invalidates;

    /** A read; {@code cacheRoute} null when its answers are never cached. */
    OrkMethod(String wireName, String cacheRoute) {
        this.wireName = wireName;
        this.cacheRoute = cacheRoute;
        this.right = null;
        this.invalidates = List.of();
    }

    /** A write: what a caller needs to send it, and the cached routes whose answers it makes stale. */
    OrkMethod(String wireName, WriteRight right, String... invalidates) {
        this.wireName = wireName;
        this.cacheRoute = null;
        this.right = right;
        this.invalidates = List.of(invalidates);
    }

    /** The method's name on the wire, e.g. {@code listThings}. */
    public String wireName() {
        return wireName;
    }

    /** Changes ORK state: a real ORK refuses it to read-only clients; the gateway only lets some callers send it. */
    public boolean isWrite() {
        return right != null;
    }

    /**
     * The cached route (a {@code cacheTiming} key, the Node gateway's route name) whose answers are this read's;
     * empty for a write or a read never cached.
     */
    public Optional<String> cacheRoute() {
        return Optional.ofNullable(cacheRoute);
    }

    /** The cached routes whose answers this write makes stale; empty for reads. */
    public List<String> invalidates() {
        return invalidates;
    }

    /** What a caller needs to send this write; empty for reads, which every signed-in caller may send. */
    public Optional<WriteRight> right() {
        return Optional.ofNullable(right);
    }

    /**
     * Lets {@code caller} send this method, or throws the 403 {@link io.miningos.gateway.domain.error.DomainException}
     * of the right it lacks. Reads are open to every caller.
     */
    public void authorize(Caller caller) {
        if (right != null) {
            right.check(caller);
        }
    }

    /** The method with this wire name, if the gateway calls it. */
    public static Optional<OrkMethod> byWireName(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
    }
}
