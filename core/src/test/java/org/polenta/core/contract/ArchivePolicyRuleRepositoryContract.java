package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.archive.ArchivePolicyRule;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.NoSuchEntityException;

/** What every ArchivePolicyRuleRepository must do. */
public abstract class ArchivePolicyRuleRepositoryContract {

    protected abstract ArchivePolicyRuleRepository rules();

    private ArchivePolicyRuleRepository rules;

    @BeforeEach
    void setUpRules() {
        rules = rules();
    }

    private static ArchivePolicyRule rule(String name) {
        return new ArchivePolicyRule(name, "disk.io.*", "low");
    }

    @Test
    void aCreatedRuleComesBackEqual() {
        ArchivePolicyRule rule = new ArchivePolicyRule(ContractNames.unique("r"), "*", "medium");
        rules.create(rule);
        assertThat(rules.get(rule.name())).contains(rule);
    }

    @Test
    void anUnknownRuleIsEmpty() {
        assertThat(rules.get(ContractNames.unique("none"))).isEmpty();
    }

    @Test
    void creatingANameTwiceFailsAndKeepsTheFirst() {
        ArchivePolicyRule first = rule(ContractNames.unique("twice"));
        rules.create(first);
        assertThatThrownBy(() -> rules.create(new ArchivePolicyRule(first.name(), "cpu", "high")))
            .isInstanceOf(AlreadyExistsException.class)
            .hasMessage("Archive policy rule " + first.name() + " already exists");
        assertThat(rules.get(first.name())).contains(first);
    }

    @Test
    void listIsSortedByName() {
        String prefix = ContractNames.unique("list");
        List.of(prefix + "-2", prefix + "-1", prefix + "-3").forEach(name -> rules.create(rule(name)));
        List<ArchivePolicyRule> listed = rules.list();
        assertThat(listed).extracting(ArchivePolicyRule::name).isSorted();
        assertThat(listed).filteredOn(r -> r.name().startsWith(prefix))
            .containsExactly(rule(prefix + "-1"), rule(prefix + "-2"), rule(prefix + "-3"));
    }

    @Test
    void renameMovesTheRuleToItsNewName() {
        ArchivePolicyRule rule = new ArchivePolicyRule(ContractNames.unique("old"), "net.*", "high");
        rules.create(rule);
        String newName = ContractNames.unique("new");
        ArchivePolicyRule renamed = rules.rename(rule.name(), newName);
        assertThat(renamed).isEqualTo(new ArchivePolicyRule(newName, "net.*", "high"));
        assertThat(rules.get(newName)).contains(renamed);
        assertThat(rules.get(rule.name())).isEmpty();
    }

    @Test
    void renamingToItsOwnNameChangesNothing() {
        ArchivePolicyRule rule = rule(ContractNames.unique("same"));
        rules.create(rule);
        assertThat(rules.rename(rule.name(), rule.name())).isEqualTo(rule);
        assertThat(rules.get(rule.name())).contains(rule);
    }

    @Test
    void renamingOntoATakenNameFailsAndChangesNothing() {
        ArchivePolicyRule a = new ArchivePolicyRule(ContractNames.unique("a"), "a.*", "low");
        ArchivePolicyRule b = new ArchivePolicyRule(ContractNames.unique("b"), "b.*", "high");
        rules.create(a);
        rules.create(b);
        assertThatThrownBy(() -> rules.rename(a.name(), b.name()))
            .isInstanceOf(AlreadyExistsException.class);
        assertThat(rules.get(a.name())).contains(a);
        assertThat(rules.get(b.name())).contains(b);
    }

    @Test
    void renamingAnUnknownRuleFails() {
        String name = ContractNames.unique("ghost");
        String target = ContractNames.unique("target");
        assertThatThrownBy(() -> rules.rename(name, target))
            .isInstanceOf(NoSuchEntityException.class)
            .hasMessage("Archive policy rule " + name + " does not exist");
        assertThat(rules.get(target)).isEmpty();
    }

    @Test
    void deleteRemovesTheRule() {
        ArchivePolicyRule rule = rule(ContractNames.unique("del"));
        rules.create(rule);
        rules.delete(rule.name());
        assertThat(rules.get(rule.name())).isEmpty();
        assertThatThrownBy(() -> rules.delete(rule.name()))
            .isInstanceOf(NoSuchEntityException.class)
            .hasMessage("Archive policy rule " + rule.name() + " does not exist");
    }

    @Test
    void ofConcurrentRenamesOntoOneNameExactlyOneWins() throws Exception {
        String target = ContractNames.unique("target");
        int racers = 5;
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String name = ContractNames.unique("src" + i);
            rules.create(new ArchivePolicyRule(name, "m" + i, "low"));
            sources.add(name);
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (String source : sources) {
                attempts.add(() -> {
                    try {
                        rules.rename(source, target);
                        return true;
                    } catch (AlreadyExistsException e) {
                        return false;
                    }
                });
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce(true);
            int winner = outcomes.indexOf(true);
            assertThat(rules.get(target)).contains(new ArchivePolicyRule(target, "m" + winner, "low"));
            for (int i = 0; i < racers; i++) {
                assertThat(rules.get(sources.get(i)).isPresent()).isEqualTo(i != winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
