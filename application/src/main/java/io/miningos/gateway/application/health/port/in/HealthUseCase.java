package io.miningos.gateway.application.health.port.in;

/** Whether the gateway can serve: for load balancers, supervisors and operators polling it. */
public interface HealthUseCase {

    /**
     * Every check by name and whether the gateway is ready. Cheap enough to call every second: it calls no ORK and
     * writes to storage at most once per {@code STORAGE_CHECK_PERIOD} of the service.
     */
    Readiness readiness();
}
