package dev.cairn.engine.definitions;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.cairn.api.Configured;
import dev.cairn.api.EnvVar;

/**
 * Describes a resource's configuration as {@link ConfigField}s: the components of the resource
 * if it is a record, else of {@link Configured#configuration()}. Other resources describe nothing.
 *
 * <p>Only names and plain values leave the resource: an {@link EnvVar} is shown by name with
 * whether it is set, and a component whose name suggests a secret is masked, so that a snapshot
 * (which the app caches on disk) never holds one.
 */
public final class ResourceDescriber {

    /** What a masked value reads. */
    public static final String MASKED = "••••••";

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|api_?key|private_?key|access_?key).*");
    private static final int MAX_DEPTH = 3;
    private static final int MAX_VALUE_LENGTH = 200;

    private ResourceDescriber() {
    }

    /**
     * The configuration fields of a resource; a configuration that cannot be read is described
     * by one field saying why, so that loading never fails on it.
     */
    public static List<ConfigField> describe(Object resource) {
        List<ConfigField> fields = new ArrayList<>();
        try {
            Record config = configuration(resource);
            if (config != null) {
                addComponents("", config, fields, 0);
            }
        } catch (RuntimeException | LinkageError e) {
            fields.add(ConfigField.plain("(configuration)", "", "cannot be read: " + e));
        }
        return fields;
    }

    /** The environment variables a resource needs that are not set and have no default, by name. */
    public static List<String> missingEnvVars(Object resource) {
        return describe(resource).stream().filter(ConfigField::missing).map(ConfigField::envVar).toList();
    }

    private static Record configuration(Object resource) {
        if (resource instanceof Record r) {
            return r;
        }
        if (resource instanceof Configured c) {
            return c.configuration();
        }
        return null;
    }

    private static void addComponents(String prefix, Record config, List<ConfigField> fields, int depth) {
        for (RecordComponent component : config.getClass().getRecordComponents()) {
            String name = prefix + component.getName();
            Object value = read(component, config);
            if (value == null) {
                continue;
            }
            if (value instanceof EnvVar env) {
                fields.add(new ConfigField(name, "EnvVar", null, env.name(), env.isSet(), env.defaultValue().isPresent()));
            } else if (value instanceof Record nested && depth < MAX_DEPTH) {
                addComponents(name + ".", nested, fields, depth + 1);
            } else {
                String type = component.getType().getSimpleName();
                fields.add(ConfigField.plain(name, type, isSecret(component.getName()) ? MASKED : text(value)));
            }
        }
    }

    private static Object read(RecordComponent component, Record config) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(config);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "(cannot be read: " + (e instanceof InvocationTargetException ite ? ite.getCause() : e) + ")";
        }
    }

    static boolean isSecret(String name) {
        return SECRET.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    private static String text(Object value) {
        String text = String.valueOf(value);
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH - 1) + "…" : text;
    }
}
