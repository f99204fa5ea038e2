package io.miningos.gateway.application.siteconfig;

import io.miningos.gateway.application.ork.EntryRule;
import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.OrkPayload;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.siteconfig.port.in.SiteConfigUseCase;
import io.miningos.gateway.domain.caller.Caller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

public final class SiteConfigService implements SiteConfigUseCase {

    public static final String GLOBAL_CONFIG = "/auth/global-config";

    static final EntryRule APPLIED = (reply, codec) -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        switch (reply) {
            case OrkReply.Answered answered -> entry.put("success", true);
            case OrkReply.Failed failed -> {
                entry.put("success", false);
                entry.put("error", failed.failure().clientMessage());
            }
        }
        return List.of(entry);
    };

    private final OrkRequests orks;

    public SiteConfigService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> globalConfig(Map<String, Object> fields, boolean refresh) {
        return orks.cachedRead(GLOBAL_CONFIG, "getGlobalConfig", OrkPayload.builder().put("fields", fields).build(),
                Gathering.map(), refresh);
    }

    /** Only {@code isAutoSleepAllowed} is sent: it is the one setting an ORK accepts here. */
    @Override
    public CompletableFuture<GatheredAnswer> setAutoSleepAllowed(Caller caller, boolean allowed) {
        caller.require(FEATURES_WRITE);
        return orks.write("setGlobalConfig", Map.of("isAutoSleepAllowed", allowed), Gathering.each(APPLIED),
                List.of(GLOBAL_CONFIG));
    }
}
