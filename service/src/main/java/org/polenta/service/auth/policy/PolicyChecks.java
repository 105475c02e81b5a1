package org.polenta.service.auth.policy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of check oslo.policy knows and Gnocchi's rules use, with oslo.policy's semantics. */
final class PolicyChecks {

    private static final Pattern SUBSTITUTION = Pattern.compile("%\\(([^)]*)\\)s|%%");

    private PolicyChecks() {
    }

    static final PolicyCheck ALWAYS = (t, c, r) -> true;
    static final PolicyCheck NEVER = (t, c, r) -> false;

    static PolicyCheck not(PolicyCheck inner) {
        return (t, c, r) -> !inner.test(t, c, r);
    }

    static PolicyCheck and(List<PolicyCheck> all) {
        return (t, c, r) -> all.stream().allMatch(x -> x.test(t, c, r));
    }

    static PolicyCheck or(List<PolicyCheck> any) {
        return (t, c, r) -> any.stream().anyMatch(x -> x.test(t, c, r));
    }

    /** "rule:name": another named rule; an unknown name is false. */
    static PolicyCheck rule(String name) {
        return (t, c, r) -> r.check(name).map(x -> x.test(t, c, r)).orElse(false);
    }

    /** "role:admin": the caller has the role (case-insensitive); the match may interpolate the target. */
    static PolicyCheck role(String match) {
        return (t, c, r) -> {
            String expected = interpolate(match, t);
            if (expected == null || !(c.get("roles") instanceof Collection<?> roles)) {
                return false;
            }
            String want = expected.toLowerCase(Locale.ROOT);
            return roles.stream().anyMatch(x -> x != null && x.toString().toLowerCase(Locale.ROOT).equals(want));
        };
    }

    /**
     * "kind:match", e.g. "user:%(creator)s": the credential named kind (dotted path) equals the interpolated
     * match. A quoted or constant kind ('Member', True) is compared literally. Missing keys make it false.
     */
    static PolicyCheck generic(String kind, String match) {
        return (t, c, r) -> {
            String expected = interpolate(match, t);
            if (expected == null) {
                return false;
            }
            String literal = literal(kind);
            if (literal != null) {
                return expected.equals(literal);
            }
            return findInCreds(c, List.of(kind.split("\\.")), expected);
        };
    }

    private static boolean findInCreds(Object value, List<String> path, String expected) {
        if (path.isEmpty()) {
            return expected.equals(PythonStrings.str(value));
        }
        if (!(value instanceof Map<?, ?> m) || !m.containsKey(path.get(0))) {
            return false;
        }
        Object next = m.get(path.get(0));
        List<String> rest = path.subList(1, path.size());
        if (next instanceof Collection<?> list) {
            return list.stream().anyMatch(v -> findInCreds(v, rest, expected));
        }
        return findInCreds(next, rest, expected);
    }

    /** Python's {@code match % target}; null where Python raises KeyError. */
    static String interpolate(String match, Map<String, Object> target) {
        Matcher m = SUBSTITUTION.matcher(match);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "%";
            } else {
                if (!target.containsKey(m.group(1))) {
                    return null;
                }
                replacement = PythonStrings.str(target.get(m.group(1)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** ast.literal_eval of a check's kind: quoted strings, numbers, True/False/None; null when not a literal. */
    private static String literal(String kind) {
        if (kind.length() >= 2 && (kind.startsWith("'") && kind.endsWith("'")
                || kind.startsWith("\"") && kind.endsWith("\""))) {
            return kind.substring(1, kind.length() - 1);
        }
        if (kind.equals("True") || kind.equals("False") || kind.equals("None")) {
            return kind;
        }
        if (kind.matches("-?\\d+")) {
            return kind;
        }
        return null;
    }
}
