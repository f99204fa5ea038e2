package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.ork.CallReplies;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.domain.analytics.site.DcsSite;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read of the site's central DCS thing (the thing tagged with {@code centralDCSSetup.tag}), projected to what a
 * route reads of its snapshot.
 */
final class DcsThing {

    /** The mining and energy layouts and the power meters: what the site routes read. */
    static final List<String> LAYOUT_AND_METERS = List.of("last.snap.stats.dcs_specific.equipment.power_meters",
            "last.snap.config.mining", "last.snap.config.energy_layout");

    private DcsThing() {
    }

    /** {@code listThings {query:{tags:{$in:[<tag>]}}, status:1, fields:{id, code, type, tags, <paths>}}}. */
    static OrkCall call(AnalyticsSettings settings, List<String> snapPaths) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : List.of("id", "code", "type", "tags")) {
            fields.put(f, 1);
        }
        snapPaths.forEach(p -> fields.put(p, 1));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", Map.of("tags", Map.of("$in", List.of(settings.dcsTag()))));
        payload.put("status", 1);
        payload.put("fields", fields);
        payload.put("limit", 10);
        return new OrkCall(OrkMethod.LIST_THINGS, payload);
    }

    /** The DCS thing of the first ORK that has one, or null. */
    static DcsSite find(CallReplies replies) {
        return DcsSite.find(replies.answers());
    }

    /**
     * As {@link #find}, a 404 {@value AnalyticsSettings#DCS_DATA_NOT_FOUND} when no ORK has it; when an ORK that
     * may hold it failed, the ORKs' failure instead (502/504: the DCS may exist behind it).
     */
    static DcsSite require(CallReplies replies) {
        DcsSite dcs = find(replies);
        if (dcs == null && !replies.failures().isEmpty()) {
            throw new OrksUnavailableException(replies.failures());
        }
        if (dcs == null) {
            throw DomainException.notFound(AnalyticsSettings.DCS_DATA_NOT_FOUND);
        }
        return dcs;
    }
}
