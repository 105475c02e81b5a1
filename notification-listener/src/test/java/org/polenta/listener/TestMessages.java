package org.polenta.listener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.polenta.listener.sample.WireJson;

/** Builds oslo.messaging v2 bodies, mostly by editing captured ones. */
public final class TestMessages {

    private TestMessages() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> inner(byte[] body) {
        try {
            Map<String, Object> envelope = (Map<String, Object>) WireJson.read(body);
            return (Map<String, Object>) WireJson.read((String) envelope.get("oslo.message"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] wrap(Map<String, Object> inner) {
        try {
            String text = WireJson.mapper().writeValueAsString(inner);
            return WireJson.mapper().writeValueAsString(Map.of("oslo.version", "2.0", "oslo.message", text))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captured message with the inner message edited. */
    public static byte[] edited(byte[] body, Consumer<Map<String, Object>> edit) {
        Map<String, Object> inner = inner(body);
        edit.accept(inner);
        return wrap(inner);
    }

    /** A captured sample message with its first sample edited. */
    @SuppressWarnings("unchecked")
    public static byte[] editedFirstSample(byte[] body, Consumer<Map<String, Object>> edit) {
        return edited(body, inner -> edit.accept(((List<Map<String, Object>>) inner.get("payload")).get(0)));
    }
}
