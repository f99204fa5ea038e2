package io.miningos.gateway.adapters.ork.sim.rpc;

/**
 * The {@code ERR_*} codes the simulated ORK and its racks answer, named once. The names are the real workers'
 * (including their spelling, e.g. {@code ERR_SUBDB_UNKOWN}).
 */
public final class OrkErrors {

    private OrkErrors() {
    }

    // The ORK's RPC wrapper, and the simulator's own failure
    public static final String FACS_NET_DATA_FORMAT = "ERR_FACS_NET_DATA_FORMAT";
    public static final String SIM_INTERNAL = "ERR_SIM_INTERNAL";
    /** A write the simulator could not save: it changed nothing. */
    public static final String SIM_STATE_NOT_SAVED = "ERR_SIM_STATE_NOT_SAVED";

    // Request fields every reading method checks
    public static final String TYPE_INVALID = "ERR_TYPE_INVALID";
    public static final String FIELDS_INVALID = "ERR_FIELDS_INVALID";
    public static final String QUERY_INVALID = "ERR_QUERY_INVALID";
    public static final String SORT_INVALID = "ERR_SORT_INVALID";
    public static final String KEY_INVALID = "ERR_KEY_INVALID";
    public static final String KEYS_INVALID = "ERR_KEYS_INVALID";
    public static final String VALUE_INVALID = "ERR_VALUE_INVALID";

    // Time series (tailLog, tailLogMulti, tailLogCustomRangeAggr) and history logs
    public static final String TYPE_AGGR_INVALID = "ERR_TYPE_AGGR_INVALID";
    public static final String AGGR_FIELDS_INVALID = "ERR_AGGR_FIELDS_INVALID";
    public static final String AGGR_TIMES_INVALID = "ERR_AGGR_TIMES_INVALID";
    public static final String START_DATE_INVALID = "ERR_START_DATE_INVALID";
    public static final String END_DATE_INVALID = "ERR_END_DATE_INVALID";
    public static final String TIMEZONE_OFFSET_INVALID = "ERR_TIMEZONE_OFFSET_INVALID";
    public static final String LOG_TYPE_INVALID = "ERR_LOG_TYPE_INVALID";
    /**
     * The simulator's own: an answer would hold more values than one call may produce (a real ORK has no such
     * bound; its racks give up after 10 s and it answers what it has). The gateway's own range bound uses the same
     * code.
     */
    public static final String RANGE_TOO_LARGE = "ERR_RANGE_TOO_LARGE";

    // Settings, global config and comments
    public static final String RACK_ID_INVALID = "ERR_RACK_ID_INVALID";
    public static final String THING_ID_INVALID = "ERR_THING_ID_INVALID";
    public static final String ENTRIES_INVALID = "ERR_ENTRIES_INVALID";
    public static final String CONFIG_INVALID = "ERR_CONFIG_INVALID";

    // The action approver (push, vote, cancel, query)
    public static final String ACTION_INVALID = "ERR_ACTION_INVALID";
    public static final String ACTION_INVALID_MISSING_ID = "ERR_ACTION_INVALID_MISSING_ID";
    public static final String ACTION_INVALID_MISSING_RACKID = "ERR_ACTION_INVALID_MISSING_RACKID";
    public static final String ACTION_INVALID_QUERY_ID = "ERR_ACTION_INVALID_QUERY_ID";
    public static final String ACTION_ID_NOT_FOUND = "ERR_ACTION_ID_NOT_FOUND";
    public static final String ACTION_DENIED = "ERR_ACTION_DENIED";
    public static final String APPROVE_INVALID = "ERR_APPROVE_INVALID";
    public static final String CALLER_NOT_CREATOR = "ERR_CALLER_NOT_CREATOR";
    public static final String IDS_INVALID = "ERR_IDS_INVALID";
    public static final String ORK_ACTION_CALLS_EMPTY = "ERR_ORK_ACTION_CALLS_EMPTY";
    public static final String PARAMS_INVALID = "ERR_PARAMS_INVALID";
    public static final String PAYLOAD_INVALID = "ERR_PAYLOAD_INVALID";
    public static final String QUERIES_INVALID = "ERR_QUERIES_INVALID";
    public static final String QUERIES_LIMIT_EXCEEDED = "ERR_QUERIES_LIMIT_EXCEEDED";
    public static final String QUERIES_TYPE_INVALID = "ERR_QUERIES_TYPE_INVALID";
    public static final String SUBDB_UNKOWN = "ERR_SUBDB_UNKOWN";
    public static final String SUFFIX_TOO_LONG = "ERR_SUFFIX_TOO_LONG";
    public static final String VOTER_EXISTS = "ERR_VOTER_EXISTS";
    public static final String VOTER_INVALID = "ERR_VOTER_INVALID";

    // What racks answer when an action's call fails (parameter checks, thing registration), and a thing's
    // connection error
    public static final String AIR_EXHAUST_ENABLED_INVALID = "ERR_AIR_EXHAUST_ENABLED_INVALID";
    public static final String COOLING_FAN_THRESHOLD_INVALID = "ERR_COOLING_FAN_THRESHOLD_INVALID";
    public static final String FIRMWARE_FILE_INVALID = "ERR_FIRMWARE_FILE_INVALID";
    public static final String NO_IMPL = "ERR_NO_IMPL";
    public static final String PARENT_DEVICE_INFO_INVALID = "ERR_PARENT_DEVICE_INFO_INVALID";
    public static final String PART_MINER_MODEL_INFO_INVALID = "ERR_PART_MINER_MODEL_INFO_INVALID";
    public static final String PART_SUBTYPE_INFO_INVALID = "ERR_PART_SUBTYPE_INFO_INVALID";
    public static final String POWER_PCT_INVALID = "ERR_POWER_PCT_INVALID";
    public static final String RACK_NOTFOUND = "ERR_RACK_NOTFOUND";
    public static final String SETUP_POOLS_INVALID = "ERR_SETUP_POOLS_INVALID";
    public static final String SET_LED_ENABLED_INVALID = "ERR_SET_LED_ENABLED_INVALID";
    public static final String SET_POWER_MODE_INVALID = "ERR_SET_POWER_MODE_INVALID";
    public static final String SWITCH_CONTAINER_ENABLED_INVALID = "ERR_SWITCH_CONTAINER_ENABLED_INVALID";
    public static final String SWITCH_COOLING_SYSTEM_ENABLED_INVALID = "ERR_SWITCH_COOLING_SYSTEM_ENABLED_INVALID";
    public static final String SWITCH_SOCKET_ARGS_INVALID = "ERR_SWITCH_SOCKET_ARGS_INVALID";
    public static final String SWITCH_SOCKET_ENABLED_INVALID = "ERR_SWITCH_SOCKET_ENABLED_INVALID";
    public static final String SWITCH_SOCKET_PDU_INDEX_INVALID = "ERR_SWITCH_SOCKET_PDU_INDEX_INVALID";
    public static final String SWITCH_SOCKET_SOCKET_INDEX_INVALID = "ERR_SWITCH_SOCKET_SOCKET_INDEX_INVALID";
    public static final String TANK_ENABLED_INVALID = "ERR_TANK_ENABLED_INVALID";
    public static final String TANK_INDEX_INVALID = "ERR_TANK_INDEX_INVALID";
    public static final String TEMPERATURE_SETTINGS_INVALID = "ERR_TEMPERATURE_SETTINGS_INVALID";
    public static final String THING_CODE_INVALID = "ERR_THING_CODE_INVALID";
    public static final String THING_CONNECTION = "ERR_THING_CONNECTION";
    public static final String THING_CONNECTION_FAILURE = "ERR_THING_CONNECTION_FAILURE";
    public static final String THING_INFO_INVALID = "ERR_THING_INFO_INVALID";
    public static final String THING_IP_ADDRESS_EXISTS = "ERR_THING_IP_ADDRESS_EXISTS";
    public static final String THING_MACADDRESS_EXISTS = "ERR_THING_MACADDRESS_EXISTS";
    public static final String THING_MACADDRESS_INVALID = "ERR_THING_MACADDRESS_INVALID";
    public static final String THING_MACADDRESS_MULTICAST = "ERR_THING_MACADDRESS_MULTICAST";
    public static final String THING_NOTFOUND = "ERR_THING_NOTFOUND";
    public static final String THING_POS_EXISTS = "ERR_THING_POS_EXISTS";
    public static final String THING_SERIALNUM_EXISTS = "ERR_THING_SERIALNUM_EXISTS";
    public static final String THING_TAGS_INVALID = "ERR_THING_TAGS_INVALID";
    public static final String THING_VALIDATE_CONTAINER_INVALID = "ERR_THING_VALIDATE_CONTAINER_INVALID";
    public static final String THING_VALIDATE_OPTS_INVALID = "ERR_THING_VALIDATE_OPTS_INVALID";
    public static final String THING_WITH_CODE_ALREADY_EXISTS = "ERR_THING_WITH_CODE_ALREADY_EXISTS";
    public static final String THING_WITH_ID_ALREADY_EXISTS = "ERR_THING_WITH_ID_ALREADY_EXISTS";
    public static final String UPFREQ_SPEED_INVALID = "ERR_UPFREQ_SPEED_INVALID";
}
