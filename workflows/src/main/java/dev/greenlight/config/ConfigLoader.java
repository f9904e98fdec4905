package dev.greenlight.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and validates the YAML configuration. The file is mapped onto {@link GreenlightConfig} and
 * its records, each of which checks its own values; a bad file fails as a whole with a message
 * naming the key path and the file, so Greenlight never starts half configured.
 */
public final class ConfigLoader {
  /** The built-in demo catalog, used when no file is given. */
  public static final String DEMO_RESOURCE = "/greenlight-demo.yml";

  /** How messages name the built-in demo catalog. */
  public static final String DEMO_SOURCE = "built-in demo config";

  private ConfigLoader() {}

  public static GreenlightConfig load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  public static GreenlightConfig loadDemo() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO_SOURCE);
    } catch (IOException e) {
      throw new ConfigException("cannot read the built-in demo config", e);
    }
  }

  /** Parses YAML text; {@code source} names the file in messages. */
  public static GreenlightConfig parse(String yaml, String source) {
    JsonNode root;
    try {
      root = ConfigMapper.YAML.readTree(yaml);
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      JsonLocation at = e.getLocation();
      if (at != null && at.getLineNr() > 0 && !message.contains("line ")) {
        message += " (line " + at.getLineNr() + ")";
      }
      throw new ConfigException(source + " is not valid YAML: " + message, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(source + " is empty");
    }
    try {
      return ConfigMapper.YAML.treeToValue(root, GreenlightConfig.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(MappingErrors.describe(e) + " (in " + source + ")", e);
    } catch (JacksonException e) {
      throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
    }
  }
}
