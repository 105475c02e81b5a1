package org.polenta.listener.amqp;

import java.time.Duration;

/** Pauses that double after each failure, up to a ceiling, and start over after a success. */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.nextMillis = initialMillis;
    }

    /** The pause to take now; the next one will be twice as long. */
    long next() {
        long pause = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return pause;
    }

    void reset() {
        nextMillis = initialMillis;
    }
}
