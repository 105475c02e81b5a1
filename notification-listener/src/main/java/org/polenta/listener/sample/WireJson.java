package org.polenta.listener.sample;

import java.io.IOException;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON as Python's json module reads it: untyped (ints stay integral, floats are doubles, so a signature sees
 * "1000.0" where the sender had a float) and NaN/Infinity literals accepted, as Python writes them.
 */
public final class WireJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private WireJson() {
    }

    public static Object read(byte[] json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    public static Object read(String json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
