package org.polenta.service.auth.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The named rules of a policy file (Gnocchi's rest/policy.yaml format: rule name -> rule text). */
public final class PolicyRules {

    private final Map<String, PolicyCheck> checks;

    private PolicyRules(Map<String, PolicyCheck> checks) {
        this.checks = checks;
    }

    public static PolicyRules of(Map<String, String> rules) {
        Map<String, PolicyCheck> compiled = new LinkedHashMap<>();
        rules.forEach((name, text) -> {
            try {
                compiled.put(name, PolicyParser.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policy rule \"" + name + "\": " + e.getMessage(), e);
            }
        });
        return new PolicyRules(compiled);
    }

    public static PolicyRules load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, String> rules = new YAMLMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {
            });
            return of(rules == null ? Map.of() : rules);
        }
    }

    public Optional<PolicyCheck> check(String name) {
        return Optional.ofNullable(checks.get(name));
    }

    /** oslo.policy's enforce: a rule the file does not define falls back to "default", or denies. */
    public boolean allows(String rule, Map<String, Object> target, Map<String, Object> creds) {
        PolicyCheck c = checks.get(rule);
        if (c == null) {
            c = checks.get("default");
        }
        return c != null && c.test(target, creds, this);
    }
}
