package io.miningos.gateway.application.globaldata.port.in;

import io.miningos.gateway.domain.globaldata.GlobalDataType;

import java.util.List;

/**
 * Data a new site starts with (the embedded demo's production costs, site energy and feature flags). It is written
 * only while the site has no record of that type, so nothing an operator wrote is ever replaced (records are
 * replaced, never deleted, so "no record" means "never written"). Audited as the system.
 */
public interface SeedGlobalDataUseCase {

    /**
     * Stores {@code documents} (each as a {@code data} value of {@code POST /auth/global/data}) in one transaction,
     * unless the site already has a record of {@code type}.
     *
     * @param actor the system label the audit entry names, e.g. {@code demo}
     * @return whether they were written
     * @throws io.miningos.gateway.domain.error.DomainException the type's validation code when a document breaks its
     *         rules (nothing is written then)
     */
    boolean seedIfNone(GlobalDataType type, List<?> documents, String actor);
}
