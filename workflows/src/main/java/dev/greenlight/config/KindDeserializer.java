package dev.greenlight.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads an {@code action} or {@code verify} mapping as the record of the kind its {@code type} key
 * names ({@link Kinds#DEFAULT} when absent). An unknown type is refused, never mistaken for the
 * default.
 */
final class KindDeserializer<T> extends StdDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final String section;
  private final Map<String, Class<? extends T>> kinds;

  KindDeserializer(Class<T> base, String section, Map<String, Class<? extends T>> kinds) {
    super(base);
    this.section = section;
    this.kinds = Map.copyOf(kinds);
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = ctxt.readTree(p);
    Invalid.require(node.isObject(), "", " must be a mapping");
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    JsonNode typeNode = fields.remove("type");
    String type = Kinds.DEFAULT;
    if (typeNode != null && !typeNode.isNull()) {
      Invalid.require(typeNode.isTextual(), "type", " must be a text");
      type = typeNode.asText();
    }
    Class<? extends T> kind = kinds.get(type);
    if (kind == null) {
      throw new Invalid(
          "type",
          ": unknown "
              + section
              + " type '"
              + type
              + "' (known: "
              + String.join(", ", new TreeSet<>(kinds.keySet()))
              + ")");
    }
    return ctxt.readTreeAsValue(fields, kind);
  }
}
