package org.polenta.service.operations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.polenta.core.incoming.Measure;
import org.polenta.core.incoming.MeasuresParser;
import org.polenta.core.time.Timestamps;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.validation.Voluptuous;

/**
 * Reads the body of POST /v1/batch/metrics/measures, {@code {"<metric id>": [{"timestamp": ..., "value": ...}, ...]}}.
 *
 * <p>The shape every client sends is read straight off the JSON tokens: reading it into an untyped tree first (a
 * map per measure) took a third of the service's CPU during an ingest of 5,000-point batches. Anything outside
 * that plain shape (malformed JSON, a key that is not a metric id, a repeated key, a measure with other or missing
 * fields, a value that is not a finite number, a timestamp that is neither text nor a number or that
 * {@link Timestamps#parseAll} refuses) is read again as an untyped tree, whose reader answers as Gnocchi does.
 * For a body the plain reader takes, both give the same measures ({@code BatchMeasuresReaderDifferentialTest}).
 */
public final class BatchMeasuresReader {

    private static final String TIMESTAMP = "timestamp";
    private static final String VALUE = "value";

    private final JsonBodies bodies;
    private final JsonFactory factory;
    private final boolean numbersAsTheTreeReadsThem;

    /** @param mapper the mapper {@code bodies} reads with: the same parser features, limits and number types */
    public BatchMeasuresReader(JsonBodies bodies, ObjectMapper mapper) {
        this.bodies = bodies;
        this.factory = mapper.getFactory();
        // With these the tree holds BigDecimal or BigInteger timestamps, which this reader does not build.
        this.numbersAsTheTreeReadsThem = !mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                && !mapper.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                && !mapper.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS);
    }

    /**
     * @throws org.polenta.service.errors.ApiException 413 above the body limit, 400 in Gnocchi's words when the body
     *                                                  is not a valid batch
     */
    public Map<UUID, List<Measure>> read(InputStream request) {
        byte[] body = bodies.readLimited(request);
        Clock clock = Clock.systemUTC();
        return readPlain(body, clock).orElseGet(() -> readTree(bodies.parse(body), clock));
    }

    /** Reads a batch's untyped tree with Gnocchi's rules and messages. */
    static Map<UUID, List<Measure>> readTree(Object body, Clock clock) {
        if (!(body instanceof Map<?, ?> byMetric)) {
            throw Voluptuous.fail("expected a dictionary", List.of());
        }
        Map<UUID, List<Measure>> parsed = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : byMetric.entrySet()) {
            String key = String.valueOf(e.getKey());
            UUID id = MetricLookup.parseUuid(key);
            if (id == null) {
                throw Voluptuous.fail("extra keys not allowed", List.of(key));
            }
            parsed.put(id, MeasuresParser.parse(e.getValue(), List.of(key), clock));
        }
        return parsed;
    }

    /**
     * The plain shape read off the tokens; empty when the body is anything else.
     *
     * @param clock "now", for relative timestamps
     */
    Optional<Map<UUID, List<Measure>>> readPlain(byte[] json, Clock clock) {
        try (JsonParser p = factory.createParser(json)) {
            return Optional.ofNullable(batch(p, clock));
        } catch (IOException | RuntimeException e) {
            // Malformed, or outside the shape: the tree path reads it again and words the answer.
            return Optional.empty();
        }
    }

    private Map<UUID, List<Measure>> batch(JsonParser p, Clock clock) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Map<UUID, List<Measure>> byMetric = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            UUID id = MetricLookup.parseUuid(p.currentName());
            if (id == null || byMetric.containsKey(id) || p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<Measure> measures = measures(p, clock);
            if (measures == null) {
                return null;
            }
            byMetric.put(id, measures);
        }
        if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
            return null;
        }
        return byMetric;
    }

    /** The parser is on the list's START_ARRAY; null when a measure is outside the plain shape. */
    private List<Measure> measures(JsonParser p, Clock clock) throws IOException {
        List<Object> timestamps = new ArrayList<>();
        double[] values = new double[16];
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            Object timestamp = null;
            double value = Double.NaN;
            boolean hasValue = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (TIMESTAMP.equals(field) && timestamp == null) {
                    timestamp = timestamp(p, v);
                    if (timestamp == null) {
                        return null;
                    }
                } else if (VALUE.equals(field) && !hasValue
                        && (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT)) {
                    value = p.getDoubleValue();
                    hasValue = true;
                } else {
                    return null;
                }
            }
            if (timestamp == null || !hasValue || !Double.isFinite(value)) {
                return null;
            }
            if (timestamps.size() == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[timestamps.size()] = value;
            timestamps.add(timestamp);
        }
        if (t != JsonToken.END_ARRAY) {
            return null;
        }
        List<Long> instants = Timestamps.parseAll(timestamps, clock);
        List<Measure> measures = new ArrayList<>(instants.size());
        for (int i = 0; i < instants.size(); i++) {
            measures.add(new Measure(instants.get(i), values[i]));
        }
        return measures;
    }

    /** A timestamp as the untyped tree holds it (String, Integer, Long, BigInteger, Double), or null. */
    private Object timestamp(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) && numbersAsTheTreeReadsThem) {
            return p.getNumberValue();
        }
        return null;
    }
}
