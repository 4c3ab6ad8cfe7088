package app.todo.bootstrap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional application.yaml: the same keys as the environment variables, at the top level
 * ({@code PORT: 8080}), so one table in the README documents both.
 */
final class FlatYaml {

    private FlatYaml() {
    }

    static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JacksonException e) {
            throw new InvalidSettingsException(List.of(file + " is not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidSettingsException(List.of(file + " cannot be read: " + e.getMessage()));
        }
        Map<String, String> values = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new InvalidSettingsException(List.of(file + " must be a map of settings such as 'PORT: 8080'"));
        }
        root.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (!value.isValueNode()) {
                throw new InvalidSettingsException(List.of(file + ": " + entry.getKey()
                        + " must be a plain value (lists are comma-separated strings)"));
            }
            values.put(entry.getKey(), value.asText());
        });
        return values;
    }
}
