package org.polenta.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for test tables, producing what Jackson's untyped binding produces (LinkedHashMap,
 * ArrayList, String, Integer/Long/BigInteger, Double, Boolean, null), plus Python's NaN/Infinity tokens.
 * Core has no JSON library and should not get one just for tests.
 */
public final class TestJson {

    private final String text;
    private int at;

    private TestJson(String text) {
        this.text = text;
    }

    public static Object parse(String text) {
        TestJson reader = new TestJson(text);
        Object value = reader.value();
        reader.skipSpaces();
        if (reader.at != text.length()) {
            throw new IllegalArgumentException("Trailing text at " + reader.at + ": " + text);
        }
        return value;
    }

    /** Non-blank, non-comment lines of a classpath resource next to {@code anchor}. */
    public static List<String> lines(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object value() {
        skipSpaces();
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                expect("true");
                return Boolean.TRUE;
            case 'f':
                expect("false");
                return Boolean.FALSE;
            case 'n':
                expect("null");
                return null;
            case 'N':
                expect("NaN");
                return Double.NaN;
            case 'I':
                expect("Infinity");
                return Double.POSITIVE_INFINITY;
            default:
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipSpaces();
        if (text.charAt(at) == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpaces();
            String key = string();
            skipSpaces();
            expect(":");
            map.put(key, value());
            skipSpaces();
            if (text.charAt(at++) == '}') {
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpaces();
        if (text.charAt(at) == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpaces();
            if (text.charAt(at++) == ']') {
                return list;
            }
        }
    }

    private String string() {
        expect("\"");
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private Object number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
            if (text.startsWith("Infinity", at)) {
                at += "Infinity".length();
                return Double.NEGATIVE_INFINITY;
            }
        }
        boolean integral = true;
        while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
            if ("eE.".indexOf(text.charAt(at)) >= 0) {
                integral = false;
            }
            at++;
        }
        String token = text.substring(start, at);
        if (!integral) {
            return Double.parseDouble(token);
        }
        BigInteger big = new BigInteger(token);
        if (big.bitLength() < 32) {
            return big.intValue();
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private void expect(String token) {
        if (!text.startsWith(token, at)) {
            throw new IllegalArgumentException("Expected " + token + " at " + at + " in " + text);
        }
        at += token.length();
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
