package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;

/**
 * The one Jackson mapper that reads configuration files. Keys are kebab-case; unknown keys,
 * duplicate keys, null list items, fractional whole numbers, numbers for a risk tier and numbers
 * for true/false are refused. Durations are read by {@link DurationDeserializer}, actions and
 * probes as the record of their kind ({@link Kinds}).
 */
final class ConfigMapper {
  static final ObjectMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .withCoercionConfig(
              LogicalType.Boolean,
              c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
          // A list-valued accessor is not a way to set the list: only constructors are.
          .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
          .addModule(
              new SimpleModule("greenlight-config")
                  .addDeserializer(Duration.class, new DurationDeserializer())
                  .setDeserializerModifier(new UnknownKeysFirst()))
          .addModule(Kinds.module())
          .build();

  private ConfigMapper() {}
}
