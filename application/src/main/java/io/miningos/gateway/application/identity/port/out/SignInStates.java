package io.miningos.gateway.application.identity.port.out;

/**
 * The {@code state} of a sign-in: proof, good once and for a few minutes, that a callback answers a sign-in this
 * gateway started. Without it anyone could feed the callback a code obtained elsewhere.
 */
public interface SignInStates {

    /** A fresh state for one sign-in. */
    String issue();

    /**
     * Accepts a state exactly once.
     *
     * @throws io.miningos.gateway.domain.error.DomainException {@link SignInUseCase#INVALID_STATE} when the state
     *         is missing, was not issued here (forged or altered), has expired or was already used
     */
    void redeem(String state);
}
