package org.polenta.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polenta.service.errors.ApiException;
import org.polenta.service.errors.JsonProcessingExceptionMapper;

/**
 * Reads request bodies as untyped JSON (Map, List, String, Number, Boolean, null), as Gnocchi's json.load does,
 * so that validation can answer with Gnocchi's messages. Refuses bodies above the configured size with 413
 * and non-JSON (including NaN and Infinity tokens) with 400 "Unable to decode body".
 */
public final class JsonBodies {

    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBytes = maxBytes;
    }

    public Object read(InputStream body) {
        return parse(readLimited(body));
    }

    /** True when the request has a non-blank body (Gnocchi's search refuses an empty one with its own message). */
    public static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    public byte[] readLimited(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = body.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ApiException(413, "The request body is larger than " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new ApiException(400, undecodable(e.getMessage()));
        }
        return out.toByteArray();
    }

    public Object parse(byte[] bytes) {
        try {
            return mapper.readValue(bytes, Object.class);
        } catch (IOException e) {
            if (e instanceof JsonProcessingException j) {
                throw new ApiException(400, JsonProcessingExceptionMapper.undecodable(j));
            }
            throw new ApiException(400, undecodable(e.getMessage()));
        }
    }

    private static Map<String, Object> undecodable(String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cause", "Unable to decode body");
        d.put("reason", reason == null ? "" : reason);
        d.put("detail", "");
        return d;
    }
}
