package org.polenta.core.resource.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.text.PythonFloats;
import org.polenta.core.text.PythonRepr;

/**
 * The {@code filter=} query-string language of Gnocchi (QueryStringSearchAttrFilter, a pyparsing grammar):
 * {@code term op term} conditions joined by not, and, ∧, or, ∨ (tightest first), with parentheses. Terms are
 * null/None/none, True/False/true/false, UUIDs (dashes optional), identifiers, numbers (read as floats), quoted
 * strings and [lists]. It produces the same JSON-like structure Gnocchi builds (operands of a chain come out in
 * reverse order, as in Gnocchi), which {@link ResourceFilterSchema} then checks, and reports syntax errors with
 * pyparsing's message, position and found-token.
 */
public final class FilterStringParser {

    private static final List<String> BINARY_OPERATORS = List.of(
            ">=", "<=", "!=", ">", "<", "=", "==", "eq", "ne", "lt", "gt", "ge", "le", "in", "like", "≠", "≥", "≤");
    private static final Set<String> MULTIPLE_OPERATORS = Set.of("and", "or", "∧", "∨");
    private static final String[] LEVELS = {"and", "∧", "or", "∨"};
    private static final Pattern OPERATOR = Pattern.compile(String.join("|", BINARY_OPERATORS.stream().map(Pattern::quote).toList()));
    private static final Pattern NULL = Pattern.compile("None|none|null");
    private static final Pattern BOOLEAN = Pattern.compile("False|True|false|true");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    // Gnocchi's pattern, "(:?" typo included; \d is any Unicode digit in Python.
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(:?\\.\\d*)?(:?[eE][+-]?\\d+)?", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]");
    private static final Pattern FOUND_WORD = Pattern.compile(
            "[\\u0030-\\u0039\\u0041-\\u005A\\u0061-\\u007A\\u00AA\\u00B2-\\u00B3\\u00B5\\u00B9-\\u00BA\\u00C0-\\u00D6"
            + "\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u0374\\u0376-\\u0377\\u037A-\\u037D\\u037F\\u0386\\u0388-\\u038A"
            + "\\u038C\\u038E-\\u03A1\\u03A3-\\u03E1\\u03F0-\\u03F5\\u03F7-\\u0481\\u048A-\\u052F\\u1C80-\\u1C88"
            + "\\u1D26-\\u1D2B\\u1D5E\\u1D60\\u1D66-\\u1D6A\\u1D78\\u1F00-\\u1F15\\u1F18-\\u1F1D\\u1F20-\\u1F45"
            + "\\u1F48-\\u1F4D\\u1F50-\\u1F57\\u1F59\\u1F5B\\u1F5D\\u1F5F-\\u1F7D\\u1F80-\\u1FB4\\u1FB6-\\u1FBC\\u1FBE"
            + "\\u1FC2-\\u1FC4\\u1FC6-\\u1FCC\\u1FD0-\\u1FD3\\u1FD6-\\u1FDB\\u1FE0-\\u1FEC\\u1FF2-\\u1FF4\\u1FF6-\\u1FFC]{1,16}");

    /** pyparsing's ParseResults: a group of tokens, "list" for a [...] term. */
    private record Group(List<Object> items, boolean isList) {
    }

    /** A parse step: the next position and tokens, or the position where it failed (end < 0). */
    private record Step(int end, List<Object> tokens, int failedAt) {
        static Step ok(int end, List<Object> tokens) {
            return new Step(end, tokens, -1);
        }

        static Step fail(int at) {
            return new Step(-1, List.of(), at);
        }

        boolean failed() {
            return end < 0;
        }
    }

    private static final Object NONE = new Object();

    private final String text;
    // Positions are in code points, as pyparsing counts them.
    private final int[] cps;

    private FilterStringParser(String text) {
        this.text = text;
        this.cps = text.codePoints().toArray();
    }

    /**
     * The filter as Gnocchi's JSON structure (maps, lists, strings, Doubles, Booleans, nulls), before the schema.
     *
     * @throws InvalidInputException "Invalid filter: Expected '∨' term, found 'x'  (at char 3), (line:1, col:4)"
     */
    public static Object parseToJson(String filter) {
        FilterStringParser parser = new FilterStringParser(filter);
        Step parsed = parser.expression(0);
        if (parser.failedAt(parsed)) {
            throw parser.syntaxError("Expected '∨' term", parsed.failedAt);
        }
        int end = parser.skipSpaces(parsed.end);
        if (end < parser.cps.length) {
            throw parser.syntaxError("Expected end of text", end);
        }
        Object top = parsed.tokens.get(0);
        if (!(top instanceof Group group)) {
            throw new InvalidInputException("Unable to parse this query");
        }
        return toJson(new ArrayList<>(group.items()));
    }

    /** Parses and checks a filter string into a filter, as Gnocchi's QueryStringSearchAttrFilter.parse. */
    public static ResourceFilter parse(String filter, String creator) {
        return ResourceFilterSchema.parse(parseToJson(filter), creator);
    }

    private boolean failedAt(Step step) {
        return step.failed();
    }

    // --- grammar ---

    private Step expression(int at) {
        return level(LEVELS.length - 1, at);
    }

    /** One binary precedence level: lower (op lower)+ grouped, else just lower. */
    private Step level(int index, int at) {
        Step first = index == 0 ? notLevel(at) : level(index - 1, at);
        if (first.failed()) {
            return first;
        }
        List<Object> items = new ArrayList<>(first.tokens);
        int position = first.end;
        int pairs = 0;
        while (true) {
            int opEnd = literal(LEVELS[index], position);
            if (opEnd < 0) {
                break;
            }
            Step next = index == 0 ? notLevel(opEnd) : level(index - 1, opEnd);
            if (next.failed()) {
                break;
            }
            items.add(LEVELS[index]);
            items.addAll(next.tokens);
            position = next.end;
            pairs++;
        }
        return pairs == 0 ? first : Step.ok(position, List.of(new Group(items, false)));
    }

    private Step notLevel(int at) {
        int failure;
        int opEnd = literal("not", at);
        if (opEnd >= 0) {
            Step operand = notLevel(opEnd);
            if (!operand.failed()) {
                List<Object> items = new ArrayList<>();
                items.add("not");
                items.addAll(operand.tokens);
                return Step.ok(operand.end, List.of(new Group(items, false)));
            }
            failure = operand.failedAt;
        } else {
            failure = skipSpaces(at);
        }
        Step atom = atom(at);
        return atom.failed() ? Step.fail(Math.max(failure, atom.failedAt)) : atom;
    }

    private Step atom(int at) {
        Step condition = condition(at);
        if (!condition.failed()) {
            return condition;
        }
        int failure = condition.failedAt;
        int open = literal("(", at);
        if (open < 0) {
            return Step.fail(Math.max(failure, skipSpaces(at)));
        }
        Step inner = expression(open);
        if (inner.failed()) {
            return Step.fail(Math.max(failure, inner.failedAt));
        }
        int close = literal(")", inner.end);
        if (close < 0) {
            return Step.fail(Math.max(failure, skipSpaces(inner.end)));
        }
        return Step.ok(close, inner.tokens);
    }

    private Step condition(int at) {
        Step left = term(at);
        if (left.failed()) {
            return left;
        }
        int opStart = skipSpaces(left.end);
        Matcher op = matchAt(OPERATOR, opStart);
        if (op == null) {
            return Step.fail(opStart);
        }
        int opEnd = opStart + codePoints(op.group());
        Step right = term(opEnd);
        if (right.failed()) {
            return right;
        }
        List<Object> items = new ArrayList<>(left.tokens);
        items.add(op.group());
        items.addAll(right.tokens);
        return Step.ok(right.end, List.of(new Group(items, false)));
    }

    private Step term(int at) {
        int start = skipSpaces(at);
        int failure = start;
        Matcher m;
        if ((m = matchAt(NULL, start)) != null) {
            return Step.ok(start + codePoints(m.group()), listOf(NONE));
        }
        if ((m = matchAt(BOOLEAN, start)) != null) {
            return Step.ok(start + codePoints(m.group()), listOf(m.group().equalsIgnoreCase("true")));
        }
        int uuidEnd = uuid(start);
        if (uuidEnd > 0) {
            return Step.ok(uuidEnd, listOf(substring(start, uuidEnd)));
        }
        failure = Math.max(failure, -uuidEnd);
        if ((m = matchAt(IDENTIFIER, start)) != null) {
            return Step.ok(start + codePoints(m.group()), listOf(m.group()));
        }
        if ((m = matchAt(NUMBER, start)) != null) {
            OptionalDouble number = PythonFloats.parse(m.group());
            if (number.isPresent()) {
                return Step.ok(start + codePoints(m.group()), listOf(number.getAsDouble()));
            }
        }
        Step quoted = quoted(start);
        if (!quoted.failed()) {
            return quoted;
        }
        Step list = list(start);
        if (!list.failed()) {
            return list;
        }
        return Step.fail(Math.max(failure, list.failedAt));
    }

    /** Combine(hex8 -? hex4 -? hex4 -? hex4 -? hex12): the end, or minus the position where it failed. */
    private int uuid(int start) {
        int position = start;
        int[] sizes = {8, 4, 4, 4, 12};
        for (int i = 0; i < sizes.length; i++) {
            if (i > 0 && position < cps.length && cps[position] == '-') {
                position++;
            }
            for (int j = 0; j < sizes[i]; j++) {
                if (position + j >= cps.length || !HEX.matcher(new String(Character.toChars(cps[position + j]))).matches()) {
                    return -position;
                }
            }
            position += sizes[i];
        }
        return position;
    }

    private Step quoted(int start) {
        if (start >= cps.length || (cps[start] != '"' && cps[start] != '\'')) {
            return Step.fail(start);
        }
        int quote = cps[start];
        int position = start + 1;
        while (position < cps.length && cps[position] != quote && cps[position] != '\n' && cps[position] != '\r') {
            position++;
        }
        if (position >= cps.length || cps[position] != quote) {
            return Step.fail(start);
        }
        String content = substring(start + 1, position)
                .replace("\\t", "\t").replace("\\n", "\n").replace("\\f", "\f").replace("\\r", "\r");
        return Step.ok(position + 1, listOf(content));
    }

    private Step list(int start) {
        int open = literal("[", start);
        if (open < 0) {
            return Step.fail(start);
        }
        List<Object> items = new ArrayList<>();
        int position = open;
        Step first = term(position);
        if (!first.failed()) {
            items.addAll(first.tokens);
            position = first.end;
            while (true) {
                int comma = literal(",", position);
                if (comma < 0) {
                    break;
                }
                Step next = term(comma);
                if (next.failed()) {
                    break;
                }
                items.addAll(next.tokens);
                position = next.end;
            }
        }
        int close = literal("]", position);
        if (close < 0) {
            return Step.fail(skipSpaces(position));
        }
        return Step.ok(close, List.of(new Group(items, true)));
    }

    // --- lexical helpers ---

    private int literal(String token, int at) {
        int start = skipSpaces(at);
        int[] expected = token.codePoints().toArray();
        if (start + expected.length > cps.length) {
            return -1;
        }
        for (int i = 0; i < expected.length; i++) {
            if (cps[start + i] != expected[i]) {
                return -1;
            }
        }
        return start + expected.length;
    }

    private Matcher matchAt(Pattern pattern, int at) {
        String rest = substring(at, cps.length);
        Matcher matcher = pattern.matcher(rest);
        return matcher.lookingAt() ? matcher : null;
    }

    private int skipSpaces(int at) {
        int position = at;
        while (position < cps.length && (cps[position] == ' ' || cps[position] == '\t' || cps[position] == '\n'
                || cps[position] == '\r')) {
            position++;
        }
        return position;
    }

    private String substring(int from, int to) {
        return new String(cps, from, to - from);
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    private static List<Object> listOf(Object token) {
        List<Object> tokens = new ArrayList<>(1);
        tokens.add(token);
        return tokens;
    }

    private InvalidInputException syntaxError(String message, int loc) {
        StringBuilder text = new StringBuilder("Invalid filter: ").append(message);
        if (cps.length > 0) {
            if (loc >= cps.length) {
                text.append(", found end of text");
            } else {
                Matcher word = matchAt(FOUND_WORD, loc);
                String found = word != null ? word.group() : substring(loc, loc + 1);
                text.append(", found ").append(PythonRepr.of(found).replace("\\\\", "\\"));
            }
        }
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < loc && i < cps.length; i++) {
            if (cps[i] == '\n') {
                line++;
                lastNewline = i;
            }
        }
        int column = (0 < loc && loc < cps.length && cps[loc - 1] == '\n') ? 1 : loc - lastNewline;
        text.append("  (at char ").append(loc).append("), (line:").append(line).append(", col:").append(column).append(')');
        return new InvalidInputException(text.toString());
    }

    // --- Gnocchi's _parsed_query2dict, step for step (it pops tokens from the end) ---

    @SuppressWarnings("unchecked")
    private static Object toJson(List<Object> parsed) {
        Object result = null;
        while (!parsed.isEmpty()) {
            Object part = parsed.remove(parsed.size() - 1);
            if (part instanceof String op && BINARY_OPERATORS.contains(op)) {
                Map<Object, Object> operands = new LinkedHashMap<>();
                operands.put(jsonValue(pop(parsed)), result);
                Map<Object, Object> node = new LinkedHashMap<>();
                node.put(op, operands);
                result = node;
            } else if (part instanceof String op && MULTIPLE_OPERATORS.contains(op)) {
                if (!(result instanceof Map<?, ?> map)) {
                    throw new InvalidInputException("Unable to parse this query");
                }
                Object existing = map.get(op);
                if (existing instanceof List<?> list && !list.isEmpty()) {
                    ((List<Object>) list).add(toJson(groupItems(pop(parsed))));
                } else {
                    List<Object> operands = new ArrayList<>();
                    operands.add(result);
                    Map<Object, Object> node = new LinkedHashMap<>();
                    node.put(op, operands);
                    result = node;
                }
            } else if ("not".equals(part)) {
                Map<Object, Object> node = new LinkedHashMap<>();
                node.put("not", result);
                result = node;
            } else if (part instanceof Group group) {
                Object converted = group.isList() ? listValue(group) : toJson(new ArrayList<>(group.items()));
                if (result == null) {
                    result = converted;
                } else if (result instanceof Map<?, ?> map) {
                    if (!(map.values().iterator().next() instanceof List<?> list)) {
                        throw new InvalidInputException("Unable to parse this query");
                    }
                    ((List<Object>) list).add(converted);
                }
                // Otherwise Gnocchi drops the group silently; so does this port.
            } else {
                result = jsonValue(part);
            }
        }
        return result;
    }

    private static Object pop(List<Object> parsed) {
        if (parsed.isEmpty()) {
            throw new InvalidInputException("Unable to parse this query");
        }
        return parsed.remove(parsed.size() - 1);
    }

    private static List<Object> groupItems(Object token) {
        if (token instanceof Group group) {
            return new ArrayList<>(group.items());
        }
        throw new InvalidInputException("Unable to parse this query");
    }

    private static List<Object> listValue(Group group) {
        List<Object> values = new ArrayList<>();
        for (Object item : group.items()) {
            values.add(item instanceof Group nested ? listValue(nested) : jsonValue(item));
        }
        return values;
    }

    private static Object jsonValue(Object token) {
        if (token == NONE) {
            return null;
        }
        if (token instanceof Group group && group.isList()) {
            return listValue(group);
        }
        return token;
    }
}
