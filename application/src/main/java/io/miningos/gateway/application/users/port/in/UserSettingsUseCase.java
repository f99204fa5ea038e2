package io.miningos.gateway.application.users.port.in;

import io.miningos.gateway.domain.caller.Caller;

import java.util.Map;

/** The caller's own UI settings ({@code GET|POST /auth/user/settings}). */
public interface UserSettingsUseCase {

    /** The saved settings, or an empty object when none were saved. */
    Map<String, Object> settingsOf(Caller caller);

    void save(Caller caller, Map<String, Object> settings);
}
