package org.polenta.core.aggregates.operations;

import java.util.ArrayList;
import java.util.List;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.text.PythonRepr;

/**
 * Reads the s-expression form of an operations tree, e.g. {@code (aggregate mean (metric ID mean))}, into nested
 * lists of words, as Gnocchi reads it with pyparsing's {@code OneOrMore(nestedExpr())}: whitespace separates words,
 * quoted strings are single words kept with their quotes, and only the first complete expression counts (anything
 * after it is ignored). A failure reports pyparsing's wording, which clients match.
 */
public final class SExpressionReader {

    public static final String CAUSE = "Invalid operations";
    public static final String REASON = "Fail to parse the operations string";

    private static final String WHITESPACE = " \t\n\r";

    private final String text;
    private int pos;

    private SExpressionReader(String text) {
        this.text = text;
    }

    /**
     * @throws StructuredInvalidInputException {"cause": "Invalid operations", "reason": "Fail to parse the operations
     *                                         string", "detail": pyparsing's message}
     */
    public static List<Object> read(String text) {
        SExpressionReader reader = new SExpressionReader(text);
        reader.skipWhitespace();
        if (reader.pos >= text.length() || text.charAt(reader.pos) != '(') {
            throw reader.expected("(");
        }
        try {
            return reader.list();
        } catch (Unclosed e) {
            reader.pos = e.at;
            throw reader.expected(")");
        }
    }

    private List<Object> list() {
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                throw new Unclosed(pos);
            }
            char c = text.charAt(pos);
            if (c == ')') {
                pos++;
                return items;
            }
            if (c == '(') {
                int childStart = pos;
                try {
                    items.add(list());
                } catch (Unclosed e) {
                    // pyparsing gives up the unclosed sub-list and expects this list's ')' where it began.
                    throw new Unclosed(childStart);
                }
            } else {
                items.addAll(words());
            }
        }
    }

    // One run of adjacent non-blank characters: quoted strings stand alone, other characters join into words.
    private List<String> words() {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '(' || c == ')' || WHITESPACE.indexOf(c) >= 0) {
                break;
            }
            int quoted = (c == '"' || c == '\'') ? quotedEnd(pos) : -1;
            if (quoted > 0) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(text.substring(pos, quoted));
                pos = quoted;
                continue;
            }
            word.append(c);
            pos++;
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    // pyparsing's quotedString: same quote to close, no line break inside, backslash escapes, doubled quotes.
    private int quotedEnd(int from) {
        char quote = text.charAt(from);
        int i = from + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    private void skipWhitespace() {
        while (pos < text.length() && WHITESPACE.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private StructuredInvalidInputException expected(String token) {
        String found;
        if (text.isEmpty()) {
            found = "";
        } else if (pos >= text.length()) {
            found = ", found end of text";
        } else {
            found = ", found " + PythonRepr.of(text.substring(pos, pos + 1));
        }
        String message = "Expected " + PythonRepr.of(token) + found + "  (at char " + pos + "), (line:" + line()
                + ", col:" + column() + ")";
        return new StructuredInvalidInputException(CAUSE, REASON, message);
    }

    private int line() {
        int n = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private int column() {
        if (pos > 0 && pos < text.length() && text.charAt(pos - 1) == '\n') {
            return 1;
        }
        return pos - text.lastIndexOf('\n', pos - 1);
    }

    /** A list that never closes; {@code at} is where its closing parenthesis was expected. */
    private static final class Unclosed extends RuntimeException {
        final int at;

        Unclosed(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
