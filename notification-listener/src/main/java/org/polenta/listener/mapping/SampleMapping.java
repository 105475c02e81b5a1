package org.polenta.listener.mapping;

import java.util.Objects;

/** The outcome of mapping one sample: a {@link MappedSample}, or the reason it is skipped. */
public record SampleMapping(MappedSample mapped, SkipReason skipped) {

    public static SampleMapping of(MappedSample mapped) {
        return new SampleMapping(Objects.requireNonNull(mapped), null);
    }

    public static SampleMapping skip(SkipReason reason) {
        return new SampleMapping(null, Objects.requireNonNull(reason));
    }

    public boolean isMapped() {
        return mapped != null;
    }
}
