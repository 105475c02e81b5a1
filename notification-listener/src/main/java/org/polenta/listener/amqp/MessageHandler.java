package org.polenta.listener.amqp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.polenta.listener.mapping.MeterMapping;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.mapping.SampleMapping;
import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.sample.OsloEnvelopeDecoder;
import org.polenta.listener.sample.OsloMessage;
import org.polenta.listener.sample.PoisonMessageException;
import org.polenta.listener.sample.PoisonReason;
import org.polenta.listener.sample.Sample;
import org.polenta.listener.sample.SampleParser;
import org.polenta.listener.signature.TelemetrySignature;

/** Turns one AMQP body into what the sink must receive; no I/O, so every verdict is testable without a broker. */
public final class MessageHandler {

    private final OsloEnvelopeDecoder decoder = new OsloEnvelopeDecoder();
    private final SampleParser parser = new SampleParser();
    private final MeterMapping mapping;
    private final TelemetrySignature signature;

    public MessageHandler(MeterMapping mapping, TelemetrySignature signature) {
        this.mapping = mapping;
        this.signature = signature;
    }

    public HandledMessage handle(byte[] body) {
        try {
            OsloMessage message = decoder.decode(body);
            if (SampleParser.carriesSamples(message)) {
                return samples(message);
            }
            if (SampleParser.isPerMeterCopy(message)) {
                return HandledMessage.ignored("per_meter_topic copy " + message.eventType(), message.timestampNanos());
            }
            return ending(message);
        } catch (PoisonMessageException e) {
            return HandledMessage.poison(e);
        }
    }

    private HandledMessage samples(OsloMessage message) throws PoisonMessageException {
        List<Sample> samples = parser.samples(message);
        List<MappedSample> mapped = new ArrayList<>(samples.size());
        int skipped = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            if (!signature.verify(sample.wire())) {
                throw new PoisonMessageException(PoisonReason.BAD_SIGNATURE,
                        "sample #" + i + " (" + sample.messageId() + ") message_signature does not match");
            }
            SampleMapping outcome = mapping.map(sample);
            if (outcome.isMapped()) {
                mapped.add(outcome.mapped());
            } else {
                skipped++;
            }
        }
        return new HandledMessage(List.copyOf(mapped), List.of(), skipped, null, null, message.timestampNanos());
    }

    private HandledMessage ending(OsloMessage message) throws PoisonMessageException {
        Optional<ResourceEnding> ending;
        try {
            ending = mapping.ending(message);
        } catch (MeterMapping.MissingResourceIdException e) {
            throw new PoisonMessageException(PoisonReason.MISSING_FIELD, e.getMessage());
        }
        if (ending.isEmpty()) {
            return HandledMessage.ignored("event type " + message.eventType() + " neither carries samples nor ends a resource",
                    message.timestampNanos());
        }
        return new HandledMessage(List.of(), List.of(ending.get()), 0, null, null, message.timestampNanos());
    }
}
