package org.polenta.service.api;

import com.fasterxml.jackson.core.JsonGenerator;
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

    /** Makes every document the mapper writes use this layout. */
    public static ObjectMapper install(ObjectMapper mapper) {
        mapper.setDefaultPrettyPrinter(new PythonJsonPrinter());
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        return mapper;
    }
}
