package org.polenta.service.auth.policy;

import java.util.Map;
import org.polenta.service.auth.Caller;
import org.polenta.service.errors.ApiException;

/** Answers 403 where Gnocchi's policy does. */
public class PolicyEnforcer {

    private final PolicyRules rules;

    public PolicyEnforcer(PolicyRules rules) {
        this.rules = rules;
    }

    public boolean allows(String rule, Map<String, Object> target, Caller caller) {
        return rules.allows(rule, PolicyTargets.flatten(target), caller.credentials());
    }

    public void enforce(String rule, Map<String, Object> target, Caller caller) {
        if (!allows(rule, target, caller)) {
            throw ApiException.forbidden();
        }
    }

    public void enforce(String rule, Caller caller) {
        enforce(rule, Map.of(), caller);
    }
}
