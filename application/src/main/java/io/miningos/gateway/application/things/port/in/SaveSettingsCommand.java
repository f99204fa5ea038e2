package io.miningos.gateway.application.things.port.in;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.CommentChange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code PUT /auth/settings}: entries shallow-merged into a rack's worker settings. */
public record SaveSettingsCommand(String rackId, Map<String, Object> entries) {

    public static final String ENTRIES_INVALID = "ERR_ENTRIES_INVALID";

    public SaveSettingsCommand {
        if (rackId == null || rackId.isBlank()) {
            throw DomainException.invalid(CommentChange.RACK_ID_INVALID);
        }
        if (entries == null || entries.isEmpty()) {
            throw DomainException.invalid(ENTRIES_INVALID);
        }
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
