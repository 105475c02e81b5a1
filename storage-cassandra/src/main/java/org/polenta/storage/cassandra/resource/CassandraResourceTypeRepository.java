package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.core.resource.type.ResourceTypeUpdate;
import org.polenta.core.resource.type.UnexpectedResourceTypeStateException;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * Resource types in resource_types, their state moved by compare-and-set so that two servers cannot both
 * start an update or a deletion of one type. "generic" is a row of the schema itself.
 */
public final class CassandraResourceTypeRepository implements ResourceTypeRepository {

    private final PreparedQuery insert;
    private final PreparedQuery select;
    private final PreparedQuery selectAll;
    private final PreparedQuery setState;
    private final PreparedQuery finishUpdate;
    private final PreparedQuery delete;
    private final UserDefinedType attributeType;
    private final CassandraResourceRepository resources;

    public CassandraResourceTypeRepository(Cql cql, CassandraResourceRepository resources) {
        Cql.Queries queries = cql.queries("resource_types.cql");
        insert = queries.get("insert");
        select = queries.get("select");
        selectAll = queries.get("selectAll");
        setState = queries.get("setState");
        finishUpdate = queries.get("finishUpdate");
        delete = queries.get("delete");
        attributeType = (UserDefinedType) ((ListType) insert.prepared().getVariableDefinitions().get("attributes")
            .getType()).getElementType();
        this.resources = resources;
    }

    @Override
    public ResourceType create(ResourceType type) {
        if (!insert.execute(type.name(), ResourceTypeState.CREATING.wireName(), encode(type.attributes()))
                .wasApplied()) {
            throw ResourceType.alreadyExists(type.name());
        }
        // Creating a type needs no storage work here: it becomes active at once.
        moveState(type.name(), ResourceTypeState.CREATING, ResourceTypeState.ACTIVE);
        return type.withState(ResourceTypeState.ACTIVE);
    }

    @Override
    public Optional<ResourceType> get(String name) {
        return Optional.ofNullable(select.execute(name).one()).map(this::decode);
    }

    @Override
    public List<ResourceType> list() {
        List<ResourceType> types = new ArrayList<>();
        for (Row row : selectAll.execute()) {
            types.add(decode(row));
        }
        types.sort(Comparator.comparing(ResourceType::name));
        return types;
    }

    @Override
    public ResourceType update(String name, ResourceTypeUpdate update) {
        ResourceType current = require(name);
        if (update.isEmpty()) {
            return current;
        }
        current.state().startUpdate(name);
        moveState(name, ResourceTypeState.ACTIVE, ResourceTypeState.UPDATING);
        try {
            resources.rewriteAttributes(name, update);
        } catch (RuntimeException e) {
            setState.execute(ResourceTypeState.UPDATING_ERROR.wireName(), name, ResourceTypeState.UPDATING.wireName());
            throw e;
        }
        ResourceType updated = update.applyTo(current).withState(ResourceTypeState.ACTIVE);
        finishUpdate.execute(ResourceTypeState.ACTIVE.wireName(), encode(updated.attributes()), name,
            ResourceTypeState.UPDATING.wireName());
        return updated;
    }

    @Override
    public void delete(String name) {
        if (ResourceType.GENERIC_NAME.equals(name)) {
            throw ResourceType.inUse(name);
        }
        ResourceType current = require(name);
        current.state().startDeletion(name);
        if (resources.hasResourcesOfType(name)) {
            throw ResourceType.inUse(name);
        }
        moveState(name, current.state(), ResourceTypeState.DELETING);
        // A resource created between the check and the move (its creator saw the type active) keeps the type.
        if (resources.hasResourcesOfType(name)) {
            setState.execute(current.state().wireName(), name, ResourceTypeState.DELETING.wireName());
            throw ResourceType.inUse(name);
        }
        delete.execute(name, ResourceTypeState.DELETING.wireName());
    }

    private ResourceType require(String name) {
        return get(name).orElseThrow(() -> ResourceType.noSuchType(name));
    }

    /** Compare-and-set of the state; when another server moved it first, its state is the error. */
    private void moveState(String name, ResourceTypeState from, ResourceTypeState to) {
        ResultSet result = setState.execute(to.wireName(), name, from.wireName());
        if (!result.wasApplied()) {
            Row row = result.one();
            if (row == null || !row.getColumnDefinitions().contains("state") || row.isNull("state")) {
                throw ResourceType.noSuchType(name);
            }
            String expected = to == ResourceTypeState.DELETING
                ? "active/deletion_error/creation_error/updating_error" : from.wireName();
            throw new UnexpectedResourceTypeStateException(name, expected,
                ResourceTypeState.fromWireName(row.getString("state")));
        }
    }

    private List<UdtValue> encode(List<AttributeSchema> attributes) {
        return attributes.stream().map(a -> AttributeDefinitionCodec.encode(attributeType, a)).toList();
    }

    private ResourceType decode(Row row) {
        List<AttributeSchema> attributes = new ArrayList<>();
        for (UdtValue value : row.getList("attributes", UdtValue.class)) {
            attributes.add(AttributeDefinitionCodec.decode(value));
        }
        return new ResourceType(row.getString("name"), attributes,
            ResourceTypeState.fromWireName(row.getString("state")));
    }
}
