package io.miningos.gateway.application.things;

import io.miningos.gateway.application.ork.EntryRule;
import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.OrkHolders;
import io.miningos.gateway.application.ork.OrkPayload;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.OrkPayloadScreen;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.things.port.in.ListThingsQuery;
import io.miningos.gateway.application.things.port.in.SaveSettingsCommand;
import io.miningos.gateway.application.things.port.in.ThingCommentCommand;
import io.miningos.gateway.application.things.port.in.ThingsUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

public final class ThingsService implements ThingsUseCase {

    public static final String LIST_THINGS = "/auth/list-things";
    public static final String LIST_RACKS = "/auth/list-racks";
    public static final String EXT_DATA = "/auth/ext-data";
    public static final String WORKER_CONFIG = "/auth/worker-config";

    /** The settings and comment rule: the ORK's answer wrapped as {@code success}, a failure as {@code error}. */
    static final EntryRule SUCCESS_OR_ERROR = (reply, codec) -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        switch (reply) {
            case OrkReply.Answered answered -> entry.put("success", codec.read(answered.answer()));
            case OrkReply.Failed failed -> entry.put("error", failed.failure().clientMessage());
        }
        return List.of(entry);
    };

    private final OrkRequests orks;

    public ThingsService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> listThings(ListThingsQuery query, boolean refresh) {
        return orks.cachedRead(LIST_THINGS, "listThings", query.payload(), Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> listRacks(String type, boolean refresh) {
        // Only the type is sent: in particular never "keys", which would make the ORKs reveal rack RPC keys.
        return orks.cachedRead(LIST_RACKS, "listRacks", Map.of("type", required(type, TYPE_INVALID)),
                Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> extData(String type, Map<String, Object> query, boolean refresh) {
        Map<String, Object> payload = OrkPayload.builder().put("type", required(type, TYPE_INVALID))
                .put("query", query).build();
        return orks.cachedRead(EXT_DATA, "getWrkExtData", payload, Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> workerConfig(String type, Map<String, Object> fields, boolean refresh) {
        Map<String, Object> payload = OrkPayload.builder().put("type", required(type, TYPE_INVALID))
                .put("fields", fields).build();
        return orks.cachedRead(WORKER_CONFIG, "getWrkConf", payload, Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> thingConfig(String type, String requestType) {
        Map<String, Object> payload = OrkPayload.builder().put("type", required(type, TYPE_INVALID))
                .put("requestType", required(requestType, REQUEST_TYPE_INVALID)).build();
        return orks.read("getThingConf", payload, Gathering.map());
    }

    @Override
    public CompletableFuture<GatheredAnswer> settings(String rackId) {
        return orks.read("getWrkSettings", Map.of("rackId", required(rackId, ThingCommentCommand.RACK_ID_INVALID)),
                Gathering.each(SUCCESS_OR_ERROR));
    }

    @Override
    public CompletableFuture<GatheredAnswer> saveSettings(Caller caller, SaveSettingsCommand command) {
        caller.requireWrite();
        Map<String, Object> payload = Map.of("rackId", command.rackId(), "entries", command.entries());
        return orks.write("saveWrkSettings", payload, Gathering.each(SUCCESS_OR_ERROR), List.of());
    }

    /**
     * Comments are part of every thing that {@code list-things} returns, so a comment write refreshes it. The write
     * goes to the ORKs that hold the thing in that rack (every ORK when none is known to): an ORK without it would
     * answer {@code 0}, which must not stand before the holder's {@code 1}.
     */
    @Override
    public CompletableFuture<GatheredAnswer> comment(Caller caller, ThingCommentCommand command) {
        caller.require(COMMENTS_WRITE);
        Map<String, Object> payload = command.payload(caller.email());
        OrkPayloadScreen.screen(payload); // now, before the lookup asks any ORK
        Map<String, Object> lookup = Map.of("query", Map.of("id", command.thingId()), "fields", Map.of("id", 1));
        return orks.askEvery("listThings", lookup)
                .thenApply(replies -> OrkHolders.read(replies, orks.codec(), ThingsService::racksIn))
                .thenCompose(holders -> {
                    Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
                    holders.of(command.rackId()).forEach(orkId -> payloads.put(orkId, payload));
                    return orks.writeTo(command.operation().orkMethod(), payloads, Gathering.each(SUCCESS_OR_ERROR),
                            List.of(LIST_THINGS));
                });
    }

    /** The racks of the things in a {@code listThings} answer (every thing carries its {@code rack}). */
    static List<String> racksIn(Object answer) {
        List<String> racks = new ArrayList<>();
        if (answer instanceof List<?> things) {
            for (Object thing : things) {
                if (thing instanceof Map<?, ?> t && t.get("rack") instanceof String rack) {
                    racks.add(rack);
                }
            }
        }
        return racks;
    }

    static String required(String value, String code) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(code);
        }
        return value;
    }
}
