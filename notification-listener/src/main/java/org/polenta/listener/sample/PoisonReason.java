package org.polenta.listener.sample;

/** Why a message cannot be filed; travels with the message to the dead-letter queue. */
public enum PoisonReason {
    BAD_JSON("bad-json"),
    MISSING_FIELD("missing-field"),
    BAD_FIELD("bad-field"),
    BAD_TIMESTAMP("bad-timestamp"),
    BAD_SIGNATURE("bad-signature");

    private final String code;

    PoisonReason(String code) {
        this.code = code;
    }

    /** The short, stable name written into the dead-letter header. */
    public String code() {
        return code;
    }
}
