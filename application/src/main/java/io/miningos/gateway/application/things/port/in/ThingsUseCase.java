package io.miningos.gateway.application.things.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.ork.CommentChange;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Things, racks and what workers know about them, from every ORK: {@code list-things}, {@code list-racks},
 * {@code ext-data}, worker and thing configuration, rack settings and thing comments. Reads marked "cached"
 * honour {@code refresh} ({@code overwriteCache=true}).
 */
public interface ThingsUseCase {

    String TYPE_INVALID = "ERR_TYPE_INVALID";
    /** {@code list-racks} refuses a {@code keys} parameter, which would make the ORKs reveal rack RPC keys. */
    String KEYS_NOT_ALLOWED = "ERR_KEYS_NOT_ALLOWED";
    String REQUEST_TYPE_INVALID = "ERR_REQUEST_TYPE_INVALID";

    /** Cached; one slot per ORK. */
    CompletableFuture<GatheredAnswer> listThings(ListThingsQuery query, boolean refresh);

    /** Cached; {@code type} is required. */
    CompletableFuture<GatheredAnswer> listRacks(String type, boolean refresh);

    /** Cached; {@code type} is required, {@code query} (e.g. {@code {"key": "stats"}}) optional. */
    CompletableFuture<GatheredAnswer> extData(String type, Map<String, Object> query, boolean refresh);

    /** Cached; {@code type} is required, {@code fields} an optional projection. */
    CompletableFuture<GatheredAnswer> workerConfig(String type, Map<String, Object> fields, boolean refresh);

    /** Not cached ({@code nextAvailableCode} must be fresh); both arguments are required. */
    CompletableFuture<GatheredAnswer> thingConfig(String type, String requestType);

    /** Each ORK → {@code {success: <settings>}} or {@code {error}}. */
    CompletableFuture<GatheredAnswer> settings(String rackId);

    /** Needs write. Each ORK → {@code {success: <merged settings>}} or {@code {error}}. */
    CompletableFuture<GatheredAnswer> saveSettings(Caller caller, SaveSettingsCommand command);

    /**
     * Needs {@code comments:w}. Sent to the ORKs that hold the thing in that rack (every ORK when none is known to);
     * each ORK asked → {@code {success: <1|0>}} or {@code {error}}.
     */
    CompletableFuture<GatheredAnswer> comment(Caller caller, CommentChange change);
}
