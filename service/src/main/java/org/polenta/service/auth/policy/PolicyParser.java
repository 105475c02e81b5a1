package org.polenta.service.auth.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses oslo.policy's rule language: checks ("role:admin", "user:%(creator)s", "rule:name", "@", "!")
 * combined with "not", "and", "or" (in that precedence) and parentheses. An empty rule allows everybody.
 */
public final class PolicyParser {

    private final List<String> tokens;
    private int pos;

    private PolicyParser(List<String> tokens) {
        this.tokens = tokens;
    }

    public static PolicyCheck parse(String rule) {
        if (rule == null || rule.isBlank()) {
            return PolicyChecks.ALWAYS;
        }
        PolicyParser p = new PolicyParser(tokenize(rule));
        PolicyCheck c = p.or();
        if (p.pos != p.tokens.size()) {
            throw new IllegalArgumentException("cannot parse policy rule: " + rule);
        }
        return c;
    }

    private PolicyCheck or() {
        List<PolicyCheck> parts = new ArrayList<>(List.of(and()));
        while (peek("or")) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : PolicyChecks.or(parts);
    }

    private PolicyCheck and() {
        List<PolicyCheck> parts = new ArrayList<>(List.of(not()));
        while (peek("and")) {
            pos++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : PolicyChecks.and(parts);
    }

    private PolicyCheck not() {
        if (peek("not")) {
            pos++;
            return PolicyChecks.not(not());
        }
        return atom();
    }

    private PolicyCheck atom() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("policy rule ends too early");
        }
        String t = tokens.get(pos++);
        if (t.equals("(")) {
            PolicyCheck inner = or();
            if (!peek(")")) {
                throw new IllegalArgumentException("unbalanced parenthesis in policy rule");
            }
            pos++;
            return inner;
        }
        return check(t);
    }

    private static PolicyCheck check(String t) {
        if (t.equals("@")) {
            return PolicyChecks.ALWAYS;
        }
        if (t.equals("!")) {
            return PolicyChecks.NEVER;
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            return PolicyChecks.NEVER;
        }
        String kind = t.substring(0, colon);
        String match = t.substring(colon + 1);
        return switch (kind) {
            case "rule" -> PolicyChecks.rule(match);
            case "role" -> PolicyChecks.role(match);
            default -> PolicyChecks.generic(kind, match);
        };
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    /** Splits on blanks and peels parentheses off the tokens' ends, as oslo.policy's tokenizer does. */
    static List<String> tokenize(String rule) {
        List<String> out = new ArrayList<>();
        for (String raw : rule.trim().split("\\s+")) {
            String tok = raw;
            while (tok.startsWith("(")) {
                out.add("(");
                tok = tok.substring(1);
            }
            int closing = 0;
            while (tok.endsWith(")")) {
                closing++;
                tok = tok.substring(0, tok.length() - 1);
            }
            if (!tok.isEmpty()) {
                String lower = tok.toLowerCase(java.util.Locale.ROOT);
                out.add(lower.equals("and") || lower.equals("or") || lower.equals("not") ? lower : tok);
            }
            for (int i = 0; i < closing; i++) {
                out.add(")");
            }
        }
        return out;
    }
}
