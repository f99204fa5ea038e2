package io.miningos.gateway.application.actions.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /auth/actions/voting/batch}: several actions ({@code {query, action, params, rackType?}} each,
 * passed on as sent) sharing one batch uid.
 *
 * @param batchActionUid the client's batch id (may be empty: the ORK then files the actions without a batch)
 * @param suffix         optional tag appended to the batch uid, e.g. {@code repair}
 */
public record PushActionsBatchCommand(List<Object> batchActionsPayload, String batchActionUid, String suffix) {

    public static final String PAYLOAD_INVALID_ARRAY = "ERR_BATCH_ACTIONS_PAYLOAD_INVALID_ARRAY";
    public static final String UID_INVALID = "ERR_BATCH_ACTION_UID_INVALID";

    public PushActionsBatchCommand {
        if (batchActionsPayload == null
                || batchActionsPayload.stream().anyMatch(item -> !(item instanceof Map<?, ?>))) {
            throw DomainException.invalid(PAYLOAD_INVALID_ARRAY);
        }
        if (batchActionUid == null) {
            throw DomainException.invalid(UID_INVALID);
        }
        if (suffix != null && (suffix.isEmpty() || suffix.length() > ActionsQuery.MAX_SUFFIX_LENGTH)) {
            throw DomainException.invalid(ActionsQuery.SUFFIX_INVALID);
        }
    }
}
