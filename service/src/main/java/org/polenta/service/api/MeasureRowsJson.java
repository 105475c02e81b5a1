package org.polenta.service.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.List;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.time.Timestamps;

/**
 * {@link MeasureRows#of} written straight to the JSON generator: the same bytes ([[timestamp, granularity, value],
 * ...], through the same generator calls Jackson makes for the lists, strings and doubles), without a list, a string
 * and two boxed numbers per point first. For answers of thousands of points (POST /v1/aggregates).
 */
public final class MeasureRowsJson implements JsonSerializable {

    private final List<AggregatedPoint> points;

    private MeasureRowsJson(List<AggregatedPoint> points) {
        this.points = points;
    }

    public static MeasureRowsJson of(List<AggregatedPoint> points) {
        return new MeasureRowsJson(points);
    }

    public List<AggregatedPoint> points() {
        return points;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartArray(points, points.size());
        for (AggregatedPoint p : points) {
            g.writeStartArray(p, 3);
            g.writeString(Timestamps.format(p.timestampNanos()));
            Object granularity = p.granularityJson();
            if (granularity instanceof Double seconds) {
                g.writeNumber(seconds.doubleValue());
            } else {
                g.writeString(granularity.toString());
            }
            g.writeNumber(p.value());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        // No polymorphic typing is configured: the plain form.
        serialize(g, provider);
    }
}
