package io.miningos.gateway.application.globaldata.port.in;

import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.globaldata.GlobalDataType;

/**
 * Writes of this site's stored data ({@code POST /auth/global/data?type=}, {@code POST /auth/features}). Needs
 * {@value #PERMISSION}. Each write is audited and makes every cached read of its type stale at once.
 */
public interface WriteGlobalDataUseCase {

    String PERMISSION = "features:w";

    /**
     * Stores {@code data} (the request's {@code data} value) under the rules of {@code type}: production costs
     * replace their month, container settings their model, site energy and features the site's document.
     *
     * @throws io.miningos.gateway.domain.error.DomainException {@code ERR_AUTH_FAIL_NO_PERMS} without
     *         {@value #PERMISSION}; the type's validation code when {@code data} breaks its rules
     */
    void write(Caller caller, GlobalDataType type, Object data);
}
