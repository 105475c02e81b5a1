package org.polenta.core.archive;

import java.util.List;
import java.util.Optional;

/** Where archive policy rules are kept. Implementations are thread-safe. */
public interface ArchivePolicyRuleRepository {

    /** @throws org.polenta.core.errors.AlreadyExistsException "Archive policy rule NAME already exists" */
    void create(ArchivePolicyRule rule);

    Optional<ArchivePolicyRule> get(String name);

    /** Every rule, sorted by name. Matching order is the caller's (see ArchivePolicyRules). */
    List<ArchivePolicyRule> list();

    /**
     * Renames a rule; nothing else of a rule can change.
     * @throws org.polenta.core.errors.NoSuchEntityException "Archive policy rule NAME does not exist"
     * @throws org.polenta.core.errors.AlreadyExistsException when newName is taken
     */
    ArchivePolicyRule rename(String name, String newName);

    /** @throws org.polenta.core.errors.NoSuchEntityException "Archive policy rule NAME does not exist" */
    void delete(String name);
}
