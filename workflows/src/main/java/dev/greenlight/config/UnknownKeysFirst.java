package dev.greenlight.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;

/**
 * Refuses a mapping's unknown keys before its record is built. Jackson reports them only after
 * calling the record's constructor, so a misspelt required key ({@code acton}) would otherwise be
 * reported as a missing one ({@code action is required}).
 */
final class UnknownKeysFirst extends BeanDeserializerModifier {
  private static final long serialVersionUID = 1L;

  @Override
  public JsonDeserializer<?> modifyDeserializer(
      DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
    return deserializer instanceof BeanDeserializerBase ? new Checked(deserializer) : deserializer;
  }

  /** A record's deserializer behind a check of the mapping's keys. */
  private static final class Checked extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    Checked(JsonDeserializer<?> delegatee) {
      super(delegatee);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new Checked(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken() || !(_delegatee instanceof BeanDeserializerBase bean)) {
        // Not a mapping (the record's deserializer says what is wrong), or not a record.
        return _delegatee.deserialize(p, ctxt);
      }
      JsonNode node = ctxt.readTree(p);
      Collection<Object> known = bean.getKnownPropertyNames();
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          throw UnrecognizedPropertyException.from(p, bean.handledType(), name, known);
        }
      }
      try (JsonParser replay = node.traverse(p.getCodec())) {
        replay.nextToken();
        return _delegatee.deserialize(replay, ctxt);
      }
    }
  }
}
