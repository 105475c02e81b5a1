package org.polenta.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.core.errors.InUseException;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.AttributeAddition;
import org.polenta.core.resource.type.BoolAttribute;
import org.polenta.core.resource.type.DatetimeAttribute;
import org.polenta.core.resource.type.NumberAttribute;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.ResourceTypeUpdate;
import org.polenta.core.resource.type.StringAttribute;
import org.polenta.core.resource.type.UnexpectedResourceTypeStateException;
import org.polenta.core.resource.type.UuidAttribute;

/**
 * What every ResourceTypeRepository must do, together with the ResourceRepository whose resources it rewrites
 * and guards. Stores may be shared by all tests of a class, so each test uses its own type names.
 */
public abstract class ResourceTypeRepositoryContract {

    private static final long SECOND = 1_000_000_000L;

    protected abstract ResourceTypeRepository types();

    protected abstract ResourceRepository resources();

    /** Puts a stored type in a state that only a crash half-way through an operation leaves it in. */
    protected abstract void forceState(String name, ResourceTypeState state);

    private static String name() {
        return ContractNames.unique("rt").replace('-', '_');
    }

    private static ResourceType everyKind(String name) {
        return new ResourceType(name, List.of(
                new StringAttribute("host", true, 2, 32),
                new UuidAttribute("image", false),
                new NumberAttribute("vcpus", false, 1, 64.5),
                new NumberAttribute("ratio", true, null, null),
                new BoolAttribute("pinned", false),
                new DatetimeAttribute("booted", false)), ResourceTypeState.CREATING);
    }

    private static Resource resource(String type, String host) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("host", host);
        return new Resource(UUID.randomUUID(), "orig", type, "u:p", "user", "p", 1_600_000_000L * SECOND, null,
                1, 1_600_000_000L * SECOND, null, Map.of(), attributes);
    }

    @Test
    void genericIsBuiltInAndCanNeitherBeCreatedNorDeleted() {
        assertThat(types().get("generic")).contains(ResourceType.GENERIC);
        assertThat(types().list()).contains(ResourceType.GENERIC);
        assertThatThrownBy(() -> types().create(new ResourceType("generic", List.of(), ResourceTypeState.CREATING)))
                .isInstanceOf(AlreadyExistsException.class).hasMessage("Resource type generic already exists");
        assertThatThrownBy(() -> types().delete("generic"))
                .isInstanceOf(InUseException.class).hasMessage("Resource type generic is still in use");
        assertThat(types().get("generic")).contains(ResourceType.GENERIC);
    }

    @Test
    void aCreatedTypeComesBackActiveWithEveryAttributeAsDefined() {
        String name = name();
        ResourceType created = types().create(everyKind(name));
        ResourceType expected = everyKind(name).withState(ResourceTypeState.ACTIVE);
        assertThat(created).isEqualTo(expected);
        assertThat(types().get(name)).contains(expected);
        // The bounds keep the JSON number the client gave: an int stays an int.
        NumberAttribute vcpus = (NumberAttribute) types().get(name).orElseThrow().attribute("vcpus").orElseThrow();
        assertThat(vcpus.min()).isInstanceOf(Integer.class);
        assertThat(vcpus.max()).isInstanceOf(Double.class);
        assertThat(types().get(name() + "_missing")).isEmpty();
    }

    @Test
    void creatingANameTwiceFailsAndKeepsTheFirst() {
        String name = name();
        types().create(everyKind(name));
        assertThatThrownBy(() -> types().create(new ResourceType(name, List.of(), ResourceTypeState.CREATING)))
                .isInstanceOf(AlreadyExistsException.class).hasMessage("Resource type " + name + " already exists");
        assertThat(types().get(name).orElseThrow().attributes()).hasSize(6);
    }

    @Test
    void theListIsOrderedByName() {
        String prefix = name();
        types().create(new ResourceType(prefix + "_b", List.of(), ResourceTypeState.CREATING));
        types().create(new ResourceType(prefix + "_a", List.of(), ResourceTypeState.CREATING));
        List<String> names = types().list().stream().map(ResourceType::name).toList();
        assertThat(names).containsSubsequence("generic", prefix + "_a", prefix + "_b");
        assertThat(names).isSorted();
    }

    @Test
    void anUpdateFillsAddedAttributesAndDropsRemovedOnesInEveryVersion() {
        String name = name();
        types().create(new ResourceType(name, List.of(new StringAttribute("host", false, 0, 255)),
                ResourceTypeState.CREATING));
        Resource first = resource(name, "h1");
        resources().create(first);
        Resource next = new Resource(first.id(), first.originalResourceId(), name, first.creator(), "other",
                first.projectId(), first.startedAt(), null, first.revision(), first.revisionStart() + SECOND, null,
                Map.of(), first.attributes());
        resources().update(first, next, true);
        Resource untouched = resource(name + "_other", "h2");
        resources().create(untouched);

        ResourceTypeUpdate update = new ResourceTypeUpdate(List.of(
                new AttributeAddition(new StringAttribute("flavor", true, 0, 255), "small"),
                new AttributeAddition(new NumberAttribute("zone", false, null, null), null)), List.of("host"));
        ResourceType updated = types().update(name, update);

        assertThat(updated.state()).isEqualTo(ResourceTypeState.ACTIVE);
        assertThat(updated.attributes()).extracting(a -> a.name()).containsExactly("flavor", "zone");
        assertThat(types().get(name)).contains(updated);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("flavor", "small");
        expected.put("zone", null);
        assertThat(resources().get(name, first.id()).orElseThrow().attributes()).isEqualTo(expected);
        assertThat(resources().history(first.id())).hasSize(2)
                .allSatisfy(version -> assertThat(version.attributes()).isEqualTo(expected));
        assertThat(resources().get(untouched.type(), untouched.id())).contains(untouched);
    }

    @Test
    void anEmptyUpdateChangesNothing() {
        String name = name();
        ResourceType created = types().create(everyKind(name));
        assertThat(types().update(name, new ResourceTypeUpdate(List.of(), List.of()))).isEqualTo(created);
    }

    @Test
    void updatingNeedsAnExistingActiveType() {
        String missing = name();
        ResourceTypeUpdate update = new ResourceTypeUpdate(List.of(), List.of("host"));
        assertThatThrownBy(() -> types().update(missing, update))
                .isInstanceOf(NoSuchEntityException.class).hasMessage("Resource type " + missing + " does not exist");
        String name = name();
        types().create(everyKind(name));
        forceState(name, ResourceTypeState.UPDATING);
        assertThatThrownBy(() -> types().update(name, update))
                .isInstanceOf(UnexpectedResourceTypeStateException.class)
                .hasMessage("Resource type " + name + " state is updating (expected: active)");
    }

    @Test
    void aTypeInUseIsNotDeleted() {
        String name = name();
        types().create(everyKind(name));
        Resource r = resource(name, "h1");
        resources().create(r);
        assertThatThrownBy(() -> types().delete(name))
                .isInstanceOf(InUseException.class).hasMessage("Resource type " + name + " is still in use");
        assertThat(types().get(name).orElseThrow().state()).isEqualTo(ResourceTypeState.ACTIVE);
        resources().delete(r.id());
        types().delete(name);
        assertThat(types().get(name)).isEmpty();
        assertThat(types().list()).noneMatch(type -> type.name().equals(name));
        assertThatThrownBy(() -> types().delete(name))
                .isInstanceOf(NoSuchEntityException.class).hasMessage("Resource type " + name + " does not exist");
    }

    @Test
    void deletionFollowsTheStateMachine() {
        String busy = name();
        types().create(everyKind(busy));
        forceState(busy, ResourceTypeState.CREATING);
        assertThatThrownBy(() -> types().delete(busy))
                .isInstanceOf(UnexpectedResourceTypeStateException.class)
                .hasMessage("Resource type " + busy + " state is creating "
                        + "(expected: active/deletion_error/creation_error/updating_error)");
        String failed = name();
        types().create(everyKind(failed));
        forceState(failed, ResourceTypeState.DELETION_ERROR);
        types().delete(failed);
        assertThat(types().get(failed)).isEmpty();
    }
}
