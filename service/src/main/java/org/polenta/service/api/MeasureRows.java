package org.polenta.service.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.polenta.core.aggregates.AggregatedPoint;
import org.polenta.core.time.Timestamps;

/**
 * Measures as Gnocchi answers them: [[ISO 8601 timestamp, granularity, value], ...]. Written straight from the
 * points by its own serializer: a GET of 3,600 measures built 3,600 lists for Jackson to walk, and that walk was
 * the largest part of the request's CPU. The bytes are the same (same generator, same number rendering).
 */
@JsonSerialize(using = MeasureRows.Writer.class)
public final class MeasureRows {

    private final List<AggregatedPoint> points;

    private MeasureRows(List<AggregatedPoint> points) {
        this.points = points;
    }

    public static MeasureRows of(List<AggregatedPoint> points) {
        return new MeasureRows(points);
    }

    /** One row as plain values, for answers that build their own structure (search/metric). */
    public static List<Object> row(AggregatedPoint p) {
        List<Object> row = new ArrayList<>(3);
        row.add(Timestamps.format(p.timestampNanos()));
        row.add(p.granularityJson());
        row.add(p.value());
        return row;
    }

    static final class Writer extends StdSerializer<MeasureRows> {

        private static final long serialVersionUID = 1L;

        Writer() {
            super(MeasureRows.class);
        }

        @Override
        public void serialize(MeasureRows rows, JsonGenerator g, SerializerProvider provider) throws IOException {
            if (g.getPrettyPrinter() instanceof PythonJsonPrinter) {
                writeAsText(rows.points, g);
                return;
            }
            g.writeStartArray(rows, rows.points.size());
            for (AggregatedPoint p : rows.points) {
                g.writeStartArray();
                g.writeString(Timestamps.format(p.timestampNanos()));
                if (p.calendar() != null) {
                    g.writeString(p.calendar().name());
                } else {
                    g.writeNumber(p.granularityNanos() / 1e9);
                }
                g.writeNumber(p.value());
                g.writeEndArray();
            }
            g.writeEndArray();
        }

        /**
         * The rows as the Python layout writes them, composed as text in chunks and handed to the generator raw:
         * five generator calls a row (each with its separator logic) were most of an aggregates answer's CPU.
         * The text is what those calls wrote: Jackson renders a double with Double.toString, and NaN and the
         * infinities as bare tokens (PythonJsonPrinter.install), which Double.toString also gives.
         */
        private static void writeAsText(List<AggregatedPoint> points, JsonGenerator g) throws IOException {
            char[] buffer = new char[CHUNK];
            int at = 0;
            boolean first = true;
            buffer[at++] = '[';
            long lastGranularity = -1;
            String granularityText = null;
            for (int i = 0; i < points.size(); i++) {
                AggregatedPoint p = points.get(i);
                String value = Double.toString(p.value());
                if (p.calendar() != null) {
                    granularityText = '"' + p.calendar().name() + '"';
                    lastGranularity = -1;
                } else if (p.granularityNanos() != lastGranularity) {
                    lastGranularity = p.granularityNanos();
                    granularityText = Double.toString(lastGranularity / 1e9);
                }
                int room = ROW_PUNCTUATION + Timestamps.MAX_FORMATTED_LENGTH + granularityText.length()
                        + value.length();
                if (buffer.length - at < room) {
                    first = flush(g, buffer, at, first);
                    at = 0;
                    if (buffer.length < room) {
                        buffer = new char[room];
                    }
                }
                if (i > 0) {
                    buffer[at++] = ',';
                    buffer[at++] = ' ';
                }
                buffer[at++] = '[';
                buffer[at++] = '"';
                at = Timestamps.formatTo(p.timestampNanos(), buffer, at);
                buffer[at++] = '"';
                buffer[at++] = ',';
                buffer[at++] = ' ';
                granularityText.getChars(0, granularityText.length(), buffer, at);
                at += granularityText.length();
                buffer[at++] = ',';
                buffer[at++] = ' ';
                value.getChars(0, value.length(), buffer, at);
                at += value.length();
                buffer[at++] = ']';
            }
            if (at == buffer.length) {
                first = flush(g, buffer, at, first);
                at = 0;
            }
            buffer[at++] = ']';
            flush(g, buffer, at, first);
        }

        // The first chunk opens the value (the generator writes the separator before it); the rest continue it.
        private static boolean flush(JsonGenerator g, char[] buffer, int length, boolean first) throws IOException {
            if (first) {
                g.writeRawValue(buffer, 0, length);
            } else {
                g.writeRaw(buffer, 0, length);
            }
            return false;
        }

        private static final int CHUNK = 8192;
        // ", " before a row, "[", the timestamp's quotes, two ", " and "]".
        private static final int ROW_PUNCTUATION = 2 + 1 + 2 + 4 + 1;
    }
}
