package io.backupverify.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads plan files. Every problem, from a YAML syntax error to an unknown key (a typo must not silently disable a
 * check), becomes a {@link PlanException} naming the file, line and key.
 */
public final class PlanParser {
    /** What the plan's value types look like, for messages about a value of the wrong kind. */
    private static final Map<Class<?>, String> VALUE_TYPES = Map.of(
            DurationValue.class, "a duration such as 26h",
            Percentage.class, "a percentage such as 20%",
            ByteSize.class, "a size such as 500MB or 2TiB",
            TimeOfDay.class, "a time of day such as \"01:00\"",
            CalendarDate.class, "a date such as 2026-07-14");

    /** The largest plan read: checked before parsing, so that a huge file cannot cost time or memory. */
    static final int MAX_PLAN_BYTES = 1024 * 1024;

    private final YAMLFactory yaml = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper mapper = new ObjectMapper(yaml)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Registers a further kind of target, such as {@code s3}, under its plan name. */
    public PlanParser withTargetType(String name, Class<? extends TargetSpec> type) {
        mapper.registerSubtypes(new NamedType(type, name));
        return this;
    }

    public Plan parse(Path file) throws PlanException {
        String source = file.toString();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_PLAN_BYTES) {
                throw tooLarge(source, size);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlanException(source, 0, 0, "", "no such plan file");
        } catch (MalformedInputException e) {
            throw new PlanException(source, 0, 0, "", "the plan file is not UTF-8 text");
        } catch (IOException e) {
            throw new PlanException(source, 0, 0, "", "cannot read the plan file: " + e.getMessage());
        }
        Path baseDir = file.toAbsolutePath().getParent();
        return parse(text, source, baseDir);
    }

    /**
     * Reads a plan given as text.
     *
     * @param source  the name used in messages
     * @param baseDir the folder relative local paths are resolved against
     */
    public Plan parse(String text, String source, Path baseDir) throws PlanException {
        if (text.length() > MAX_PLAN_BYTES) {
            throw tooLarge(source, text.length());
        }
        if (text.isBlank()) {
            throw new PlanException(source, 0, 0, "", "the plan is empty; it needs a backupSets list");
        }
        Optional<YamlAliases.Alias> alias = YamlAliases.first(yaml, text);
        if (alias.isPresent()) {
            JsonLocation at = alias.get().location();
            throw new PlanException(source, at.getLineNr(), at.getColumnNr(), "", "YAML aliases such as *"
                    + alias.get().name() + " are not supported in plans; write the values out in full");
        }
        SourceLocations locations = SourceLocations.index(yaml, text);
        PlanDocument document;
        try {
            document = mapper.readValue(text, PlanDocument.class);
        } catch (JsonProcessingException e) {
            throw translate(e, source, locations);
        }
        if (document == null) {
            throw new PlanException(source, 0, 0, "", "the plan is empty; it needs a backupSets list");
        }
        PlanValidator validator = new PlanValidator(source, locations);
        validator.validate(document);
        return new Plan(source, baseDir, zone(document, validator), document.backupSets(), document.audit());
    }

    private static PlanException tooLarge(String source, long size) {
        return new PlanException(source, 0, 0, "", "the plan is " + ByteSize.format(size) + "; a plan may be at most "
                + MAX_PLAN_BYTES / (1024 * 1024) + " MiB (is this the right file?)");
    }

    private static ZoneId zone(PlanDocument document, PlanValidator validator) throws PlanException {
        if (document.timezone() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(document.timezone());
        } catch (DateTimeException e) {
            throw validator.problem("timezone", "'" + document.timezone()
                    + "' is not a time zone; use a region such as Europe/Berlin, or UTC");
        }
    }

    private static PlanException translate(JsonProcessingException e, String source, SourceLocations locations) {
        if (e.getCause() instanceof MarkedYAMLException syntax && syntax.getProblem() != null
                && syntax.getProblemMark() != null) {
            return new PlanException(source, syntax.getProblemMark().getLine() + 1,
                    syntax.getProblemMark().getColumn() + 1, "", "YAML syntax: " + syntax.getProblem());
        }
        String key = e instanceof JsonMappingException mapping ? KeyPath.of(mapping.getPath()) : "";
        JsonLocation location = key.isEmpty() ? null : locations.findExact(key);
        if (location == null) {
            location = e.getLocation();
        }
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new PlanException(source, Math.max(line, 0), Math.max(column, 0), key, describe(e));
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "'" + knownKeys(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidTypeIdException typeId && typeId.getBaseType() != null
                && typeId.getBaseType().getRawClass() == RestoreSpec.class) {
            return RestoreKindNames.describeProblem(typeId.getTypeId());
        }
        if (e instanceof InvalidTypeIdException typeId) {
            String id = typeId.getTypeId();
            return id == null ? "missing key 'type' (the kind of target, such as local)"
                    : "unknown target type '" + id + "'";
        }
        if (e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException) {
            Throwable cause = e.getCause();
            while (cause != null && cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            if (cause != null && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describeType(mismatch.getTargetType());
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static String knownKeys(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return "; known keys here: " + new TreeSet<>(known.stream().map(String::valueOf).toList()).stream()
                .collect(Collectors.joining(", "));
    }

    private static String describeType(Class<?> type) {
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        String valueType = VALUE_TYPES.get(type);
        if (valueType != null) {
            return valueType;
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            return "a map of keys";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a single value";
    }
}
