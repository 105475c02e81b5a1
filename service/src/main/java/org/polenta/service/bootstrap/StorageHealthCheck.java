package org.polenta.service.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import java.util.function.BooleanSupplier;

/** Dropwizard's admin health check: whether Cassandra answers. */
public final class StorageHealthCheck extends HealthCheck {

    private final BooleanSupplier healthy;

    public StorageHealthCheck(BooleanSupplier healthy) {
        this.healthy = healthy;
    }

    @Override
    protected Result check() {
        return healthy.getAsBoolean() ? Result.healthy() : Result.unhealthy("Cassandra does not answer");
    }
}
