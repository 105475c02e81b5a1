package org.polenta.core.resource.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ResourceTypeStateTest {

    @ParameterizedTest
    @CsvSource({"creating,active,creation_error", "updating,active,updating_error"})
    void transitionalStatesEndInActiveOrTheirErrorState(String from, String onSuccess, String onFailure) {
        ResourceTypeState state = ResourceTypeState.fromWireName(from);
        assertThat(state.succeeded().wireName()).isEqualTo(onSuccess);
        assertThat(state.failed().wireName()).isEqualTo(onFailure);
    }

    @Test
    void aFailedDeletionIsParked() {
        assertThat(ResourceTypeState.DELETING.failed()).isEqualTo(ResourceTypeState.DELETION_ERROR);
    }

    @ParameterizedTest
    @EnumSource(value = ResourceTypeState.class, names = {"ACTIVE", "DELETION_ERROR", "CREATION_ERROR", "UPDATING_ERROR"})
    void deletableStates(ResourceTypeState state) {
        assertThat(state.startDeletion("t")).isEqualTo(ResourceTypeState.DELETING);
    }

    @ParameterizedTest
    @EnumSource(value = ResourceTypeState.class, names = {"CREATING", "UPDATING", "DELETING"})
    void busyStatesCannotBeDeleted(ResourceTypeState state) {
        assertThatThrownBy(() -> state.startDeletion("t"))
                .isInstanceOf(UnexpectedResourceTypeStateException.class)
                .hasMessage("Resource type t state is " + state.wireName()
                        + " (expected: active/deletion_error/creation_error/updating_error)");
    }

    @ParameterizedTest
    @EnumSource(value = ResourceTypeState.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
    void onlyAnActiveTypeCanBeUpdatedOrUsed(ResourceTypeState state) {
        assertThatThrownBy(() -> state.startUpdate("t"))
                .hasMessage("Resource type t state is " + state.wireName() + " (expected: active)");
        assertThatThrownBy(() -> state.requireActive("t")).isInstanceOf(UnexpectedResourceTypeStateException.class);
    }

    @Test
    void anActiveTypeStartsUpdating() {
        assertThat(ResourceTypeState.ACTIVE.startUpdate("t")).isEqualTo(ResourceTypeState.UPDATING);
    }

    @Test
    void genericIsActiveAndHasNoAttributes() {
        assertThat(ResourceType.GENERIC.toJson()).containsEntry("name", "generic").containsEntry("state", "active");
        assertThat(ResourceType.GENERIC.attributes()).isEmpty();
        assertThat(ResourceType.inUse("generic")).hasMessage("Resource type generic is still in use");
    }
}
