package io.miningos.gateway.application.siteconfig;

import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.OrkPayload;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.siteconfig.port.in.SiteConfigUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

public final class SiteConfigService implements SiteConfigUseCase {

    private final OrkRequests orks;

    public SiteConfigService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> globalConfig(Map<String, Object> fields, boolean refresh) {
        return orks.cachedRead(OrkMethod.GET_GLOBAL_CONFIG, OrkPayload.builder().put("fields", fields).build(),
                Gathering.map(), refresh);
    }

    /**
     * Only {@code isAutoSleepAllowed} is sent: it is the one setting an ORK accepts here. The answer is the Node
     * gateway's {@code {success: [<each ORK's updated config>]}}, which the shipped UI tests with
     * {@code data.success}; when every ORK failed it is an error, as for a map read, so that nothing reads as done.
     */
    @Override
    public CompletableFuture<GatheredAnswer> setAutoSleepAllowed(Caller caller, boolean allowed) {
        OrkMethod.SET_GLOBAL_CONFIG.authorize(caller);
        return orks.write(OrkMethod.SET_GLOBAL_CONFIG, Map.of("isAutoSleepAllowed", allowed),
                Gathering.mapUnder("success"));
    }
}
