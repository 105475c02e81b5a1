package org.polenta.service.bootstrap;

import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.archive.ArchivePolicyRule;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.archive.DefaultArchivePolicies;
import org.polenta.core.errors.AlreadyExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What gnocchi-upgrade does on a new deployment: creates the default archive policies (bool, low, medium,
 * high) and the "default" rule, but only when there is no policy and no rule at all, so that a deployment
 * whose operator deleted or changed them is left alone.
 */
public final class DefaultArchivePoliciesInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultArchivePoliciesInstaller.class);

    private final ArchivePolicyRepository policies;
    private final ArchivePolicyRuleRepository rules;

    public DefaultArchivePoliciesInstaller(ArchivePolicyRepository policies, ArchivePolicyRuleRepository rules) {
        this.policies = policies;
        this.rules = rules;
    }

    /** @return whether the defaults were created by this call */
    public boolean installIfFirstStart() {
        if (!policies.list().isEmpty() || !rules.list().isEmpty()) {
            return false;
        }
        for (ArchivePolicy p : DefaultArchivePolicies.all()) {
            try {
                policies.create(p);
            } catch (AlreadyExistsException e) {
                // Another instance starting at the same time created it: same definition, nothing to do.
            }
        }
        ArchivePolicyRule rule = DefaultArchivePolicies.defaultRule();
        try {
            rules.create(rule);
        } catch (AlreadyExistsException e) {
            // idem
        }
        LOG.info("created the default archive policies and the \"{}\" rule", rule.name());
        return true;
    }
}
