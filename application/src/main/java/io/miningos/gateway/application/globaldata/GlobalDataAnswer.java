package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.application.cache.CachedAnswer;
import io.miningos.gateway.application.cache.JsonFootprint;

/** A read's answer as the response cache keeps it: the JSON value and its approximate size. */
record GlobalDataAnswer(Object body, long sizeBytes) implements CachedAnswer {

    static GlobalDataAnswer of(Object body) {
        return new GlobalDataAnswer(body, JsonFootprint.of(body));
    }

    @Override
    public boolean isComplete() {
        return true; // local storage answers fully or fails
    }
}
