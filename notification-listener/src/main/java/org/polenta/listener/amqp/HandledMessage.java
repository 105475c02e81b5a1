package org.polenta.listener.amqp;

import java.util.List;

import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.sample.PoisonMessageException;

/**
 * What one AMQP message turned into: samples and/or resource endings to hand to the sink, a poison verdict, or
 * nothing worth filing ({@code ignoredBecause}).
 *
 * @param skippedSamples well-formed samples deliberately not stored (unknown meter, filtered project)
 * @param sentAtNanos    the oslo envelope timestamp, for the lag gauge; 0 when unknown (poison)
 */
public record HandledMessage(List<MappedSample> samples, List<ResourceEnding> endings, int skippedSamples,
                             String ignoredBecause, PoisonMessageException poison, long sentAtNanos) {

    static HandledMessage poison(PoisonMessageException poison) {
        return new HandledMessage(List.of(), List.of(), 0, null, poison, 0);
    }

    static HandledMessage ignored(String because, long sentAtNanos) {
        return new HandledMessage(List.of(), List.of(), 0, because, null, sentAtNanos);
    }

    public boolean isPoison() {
        return poison != null;
    }
}
