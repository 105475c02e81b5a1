package org.polenta.service.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * JSON laid out as Python's json.dumps lays it out (", " and ": " separators, one line), which is what Gnocchi
 * sends: clients and Gnocchi's own tests match substrings such as {@code "name": "medium"}.
 */
public final class PythonJsonPrinter extends MinimalPrettyPrinter {

    private static final long serialVersionUID = 1L;

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(", ");
    }

    /**
     * Makes the mapper write as Gnocchi does: this layout, and bare NaN / Infinity / -Infinity tokens for
     * non-finite numbers (Python's json allows them; aggregates with fill=null contain NaN).
     */
    public static ObjectMapper install(ObjectMapper mapper) {
        mapper.getFactory().configure(JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), false);
        mapper.setDefaultPrettyPrinter(new PythonJsonPrinter());
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        return mapper;
    }
}
