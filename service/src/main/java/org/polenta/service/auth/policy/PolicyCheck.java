package org.polenta.service.auth.policy;

import java.util.Map;

/** One compiled oslo.policy expression. */
public interface PolicyCheck {

    /**
     * @param target the flattened object acted upon (keys like "creator", "resource.project_id")
     * @param creds  the caller's credentials (user, user_id, project_id, roles...)
     * @param rules  the named rules, for "rule:x" references
     */
    boolean test(Map<String, Object> target, Map<String, Object> creds, PolicyRules rules);
}
