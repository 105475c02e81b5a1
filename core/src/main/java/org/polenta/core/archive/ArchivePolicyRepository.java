package org.polenta.core.archive;

import java.util.List;
import java.util.Optional;

/** Where archive policies are kept. Implementations are thread-safe. */
public interface ArchivePolicyRepository {

    /** @throws org.polenta.core.errors.AlreadyExistsException "Archive policy NAME already exists" */
    void create(ArchivePolicy policy);

    Optional<ArchivePolicy> get(String name);

    /** Every policy, sorted by name. */
    List<ArchivePolicy> list();

    /**
     * Replaces the stored policy of the same name (PATCH of the definition; validation is the caller's).
     * @throws org.polenta.core.errors.NoSuchEntityException "Archive policy NAME does not exist"
     */
    void update(ArchivePolicy policy);

    /**
     * @throws org.polenta.core.errors.NoSuchEntityException "Archive policy NAME does not exist"
     * @throws org.polenta.core.errors.InUseException "Archive policy NAME is still in use" when a metric or a rule uses it
     */
    void delete(String name);
}
