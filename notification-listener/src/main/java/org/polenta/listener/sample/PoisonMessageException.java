package org.polenta.listener.sample;

/** A message that will never be filed however often it is retried: it belongs in the dead-letter queue. */
public final class PoisonMessageException extends Exception {

    private final PoisonReason reason;

    public PoisonMessageException(PoisonReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public PoisonMessageException(PoisonReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public PoisonReason reason() {
        return reason;
    }

    /** "reason-code: detail", as the dead-letter header carries it. */
    public String describe() {
        return reason.code() + ": " + getMessage();
    }
}
