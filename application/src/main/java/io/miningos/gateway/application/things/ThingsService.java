package io.miningos.gateway.application.things;

import io.miningos.gateway.application.ork.EntriesMerge;
import io.miningos.gateway.application.ork.EntryRule;
import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.MapMerge;
import io.miningos.gateway.application.ork.OrkHolders;
import io.miningos.gateway.application.ork.OrkPayload;
import io.miningos.gateway.application.ork.OrkPayloadScreen;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.things.port.in.ListThingsQuery;
import io.miningos.gateway.application.things.port.in.SaveSettingsCommand;
import io.miningos.gateway.application.things.port.in.ThingsUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.CommentChange;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

public final class ThingsService implements ThingsUseCase {

    /** The settings and comment rule: the ORK's answer wrapped as {@code success}, a failure as {@code error}. */
    static final EntryRule SUCCESS_OR_ERROR = (reply, codec) -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        switch (reply) {
            case OrkReply.Answered answered -> entry.put("success", codec.read(answered.answer()));
            case OrkReply.Failed failed -> entry.put("error", failed.failure().clientMessage());
        }
        return List.of(entry);
    };

    /** Merged view: the ORK that has the rack (its settings are an object; an unknown rack answers 0). */
    static final EntriesMerge SETTINGS_FOUND = EntriesMerge.firstDone(entry -> entry instanceof Map<?, ?> e
            && e.get("success") instanceof Map<?, ?>);
    /** Merged view: the ORK that has the thing (it answers 1; the others 0). */
    static final EntriesMerge COMMENTED = EntriesMerge.firstDone(entry -> entry instanceof Map<?, ?> e
            && e.get("success") instanceof Number n && n.intValue() == 1);

    private final OrkRequests orks;

    public ThingsService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> listThings(ListThingsQuery query, boolean refresh) {
        // Racks apply limit and offset each, and the ORK sorts the racks' concatenation: merged the same way.
        return orks.cachedRead(OrkMethod.LIST_THINGS, query.payload(),
                Gathering.map(MapMerge.concatSorted(query.payload().get("sort"))), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> listRacks(String type, boolean refresh) {
        // Only the type is sent: in particular never "keys", which would make the ORKs reveal rack RPC keys.
        return orks.cachedRead(OrkMethod.LIST_RACKS, Map.of("type", required(type, TYPE_INVALID)),
                Gathering.map(MapMerge.concat()), refresh);
    }

    /** Not merged: what an ext-data rack answers (pool totals, prices, series) has no exact merge. */
    @Override
    public CompletableFuture<GatheredAnswer> extData(String type, Map<String, Object> query, boolean refresh) {
        Map<String, Object> payload = OrkPayload.builder().put("type", required(type, TYPE_INVALID))
                .put("query", query).build();
        return orks.cachedRead(OrkMethod.GET_WRK_EXT_DATA, payload, Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> workerConfig(String type, Map<String, Object> fields, boolean refresh) {
        Map<String, Object> payload = OrkPayload.builder().put("type", required(type, TYPE_INVALID))
                .put("fields", fields).build();
        return orks.cachedRead(OrkMethod.GET_WRK_CONF, payload, Gathering.map(MapMerge.concat()), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> thingConfig(String type, String requestType) {
        Map<String, Object> payload = OrkPayload.builder().put("type", required(type, TYPE_INVALID))
                .put("requestType", required(requestType, REQUEST_TYPE_INVALID)).build();
        return orks.read(OrkMethod.GET_THING_CONF, payload, Gathering.map(MapMerge.concat()));
    }

    @Override
    public CompletableFuture<GatheredAnswer> settings(String rackId) {
        return orks.read(OrkMethod.GET_WRK_SETTINGS, Map.of("rackId", required(rackId, CommentChange.RACK_ID_INVALID)),
                Gathering.each(SUCCESS_OR_ERROR).mergedBy(SETTINGS_FOUND));
    }

    @Override
    public CompletableFuture<GatheredAnswer> saveSettings(Caller caller, SaveSettingsCommand command) {
        OrkMethod.SAVE_WRK_SETTINGS.authorize(caller);
        Map<String, Object> payload = Map.of("rackId", command.rackId(), "entries", command.entries());
        return orks.write(OrkMethod.SAVE_WRK_SETTINGS, payload,
                Gathering.each(SUCCESS_OR_ERROR).mergedBy(SETTINGS_FOUND));
    }

    /**
     * Comments are part of every thing that {@code list-things} returns, so a comment write refreshes it (the
     * catalogue says so). The write goes to the ORKs that hold the thing in that rack (every ORK when none is known
     * to): an ORK without it would answer {@code 0}, which must not stand before the holder's {@code 1}.
     */
    @Override
    public CompletableFuture<GatheredAnswer> comment(Caller caller, CommentChange change) {
        OrkMethod method = change.operation().method();
        method.authorize(caller);
        Map<String, Object> payload = OrkPayload.builder().put("id", change.id()).put("rackId", change.rackId())
                .put("thingId", change.thingId()).put("pos", change.pos()).put("ts", change.ts())
                .put("comment", change.comment()).put("user", caller.email()).build();
        OrkPayloadScreen.screen(payload); // now, before the lookup asks any ORK
        Map<String, Object> lookup = Map.of("query", Map.of("id", change.thingId()), "fields", Map.of("id", 1));
        return orks.askEvery(OrkMethod.LIST_THINGS, lookup)
                .thenApply(replies -> OrkHolders.read(replies, orks.codec(), ThingsService::racksIn))
                .thenCompose(holders -> {
                    Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
                    holders.of(change.rackId()).forEach(orkId -> payloads.put(orkId, payload));
                    return orks.writeTo(method, payloads, Gathering.each(SUCCESS_OR_ERROR).mergedBy(COMMENTED));
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
