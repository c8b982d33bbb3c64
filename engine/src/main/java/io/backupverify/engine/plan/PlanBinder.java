package io.backupverify.engine.plan;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds a plan's YAML node tree to the plan's records, key by key in the order they are written: each record
 * component is a key, a value type ({@link DurationValue}, {@link Percentage}, ...) is read from its text, and
 * {@link TargetSpec} and {@link RestoreSpec} pick their record by their {@code type} or {@code kind} key. The first
 * problem stops the binding and names the key path.
 */
final class PlanBinder {
    /** The kinds of target a plan may name, by their plan name. */
    static final Map<String, Class<? extends TargetSpec>> TARGET_TYPES = Map.of(
            "local", LocalTargetSpec.class,
            "s3", S3TargetSpec.class,
            "sftp", SftpTargetSpec.class,
            "restic", ResticTargetSpec.class,
            "azure", AzureTargetSpec.class);

    /** The restore kinds a plan may name, by their plan name. */
    static final Map<String, Class<? extends RestoreSpec>> RESTORE_KINDS = Map.of(
            "files", FilesRestoreSpec.class,
            "archive", ArchiveRestoreSpec.class,
            "postgres", PostgresRestoreSpec.class,
            "mysql", MysqlRestoreSpec.class,
            "restic", ResticRestoreSpec.class);

    /**
     * Value types written as one word or number, with how to describe them in messages (null for a word); how each is
     * read is {@link #fromText} and {@link #fromWholeNumber}. Written without lambdas or method references: the
     * binder runs while every command starts, where linking each of them costs more than the binding.
     */
    private static final Map<Class<?>, ValueType> VALUE_TYPES = new HashMap<>();

    static {
        text(DurationValue.class, "a duration such as 26h");
        text(Percentage.class, "a percentage such as 20%");
        text(TimeOfDay.class, "a time of day such as \"01:00\"");
        text(CalendarDate.class, "a date such as 2026-07-14");
        VALUE_TYPES.put(ByteSize.class, new ValueType(true, "a size such as 500MB or 2TiB"));
        word(LayoutKind.class);
        word(IntegrityScope.class);
        word(IntegrityMode.class);
        word(CapacityMeasure.class);
        word(Requirement.class);
        word(UnknownVerdict.class);
        word(AccessSpec.Permission.class);
        word(CopiesSpec.Comparison.class);
        word(ImmutabilitySpec.Mode.class);
    }

    /** Keys whose plan name is not the record component's name. */
    private static final Map<Class<?>, Map<String, String>> RENAMED = Map.of(
            AccessSpec.class, Map.of("publicAccess", "public"));

    private final Map<Class<?>, RecordShape> shapes = new HashMap<>();
    private final Map<String, ? extends Class<?>> targetTypes;

    PlanBinder(Map<String, ? extends Class<?>> targetTypes) {
        this.targetTypes = targetTypes;
    }

    private static void text(Class<?> type, String description) {
        VALUE_TYPES.put(type, new ValueType(false, description));
    }

    private static void word(Class<?> type) {
        VALUE_TYPES.put(type, new ValueType(false, null));
    }

    /** Reads a value of one of the {@link #VALUE_TYPES} from its text; IllegalArgumentException when it is not one. */
    private static Object fromText(Class<?> type, String text) {
        if (type == DurationValue.class) {
            return DurationValue.parse(text);
        } else if (type == Percentage.class) {
            return Percentage.parse(text);
        } else if (type == TimeOfDay.class) {
            return TimeOfDay.parse(text);
        } else if (type == CalendarDate.class) {
            return CalendarDate.parse(text);
        } else if (type == ByteSize.class) {
            return ByteSize.parse(text);
        } else if (type == LayoutKind.class) {
            return LayoutKind.fromKey(text);
        } else if (type == IntegrityScope.class) {
            return IntegrityScope.fromKey(text);
        } else if (type == IntegrityMode.class) {
            return IntegrityMode.fromKey(text);
        } else if (type == CapacityMeasure.class) {
            return CapacityMeasure.fromKey(text);
        } else if (type == Requirement.class) {
            return Requirement.fromKey(text);
        } else if (type == UnknownVerdict.class) {
            return UnknownVerdict.fromKey(text);
        } else if (type == AccessSpec.Permission.class) {
            return AccessSpec.Permission.fromKey(text);
        } else if (type == CopiesSpec.Comparison.class) {
            return CopiesSpec.Comparison.fromKey(text);
        } else if (type == ImmutabilitySpec.Mode.class) {
            return ImmutabilitySpec.Mode.fromKey(text);
        }
        throw new IllegalStateException("no reader for " + type.getName());
    }

    /** Reads a value of a type whose {@link ValueType#wholeNumbers} is true from a whole number. */
    private static Object fromWholeNumber(Class<?> type, long number) {
        if (type == ByteSize.class) {
            return ByteSize.ofBytes(number);
        }
        throw new IllegalStateException("no reader of numbers for " + type.getName());
    }

    /** Binds the whole document. */
    PlanDocument document(Node root) throws Problem {
        return (PlanDocument) bind(root, PlanDocument.class, "");
    }

    private Object bind(Node node, Type type, String path) throws Problem {
        Class<?> raw = raw(type);
        if (node instanceof ScalarNode scalarNode) {
            YamlScalar scalar = YamlScalar.of(scalarNode);
            if (scalar.kind() == YamlScalar.Kind.NULL) {
                return null;
            }
            boolean word = VALUE_TYPES.containsKey(raw) && VALUE_TYPES.get(raw).description() == null;
            if (scalar.isMalformedDecimal() && !word && raw != TargetSpec.class && raw != RestoreSpec.class
                    && raw != List.class && raw != Map.class) {
                throw new Problem(path, node, "Malformed numeric value '" + scalar.text() + "'");
            }
        }
        if (raw == String.class) {
            return string(node, path);
        }
        if (raw == Integer.class || raw == Long.class) {
            return wholeNumber(node, raw, path);
        }
        if (raw == Boolean.class) {
            return truth(node, path);
        }
        if (raw == List.class) {
            return list(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        }
        if (raw == Map.class) {
            return map(node, ((ParameterizedType) type).getActualTypeArguments()[1], path);
        }
        if (raw == RestoreSelect.class) {
            try {
                return RestoreSelect.of(natural(node));
            } catch (IllegalArgumentException e) {
                throw new Problem(path, node, e.getMessage());
            }
        }
        ValueType valueType = VALUE_TYPES.get(raw);
        if (valueType != null) {
            return value(node, raw, valueType, path);
        }
        if (raw == TargetSpec.class) {
            return typed(node, "type", targetTypes, path);
        }
        if (raw == RestoreSpec.class) {
            return typed(node, "kind", RESTORE_KINDS, path);
        }
        return record(node, raw, path, null);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    private static String string(Node node, String path) throws Problem {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new Problem(path, node, "expected a single value");
    }

    private static Object wholeNumber(Node node, Class<?> type, String path) throws Problem {
        String expected = "expected a whole number";
        if (!(node instanceof ScalarNode scalarNode)) {
            throw new Problem(path, node, expected);
        }
        YamlScalar scalar = YamlScalar.of(scalarNode);
        BigInteger number;
        if (scalar.kind() == YamlScalar.Kind.WHOLE) {
            number = scalar.number();
            if (!fits(number, type)) {
                throw new Problem(path, node, "Numeric value (" + scalar.text() + ") out of range of "
                        + (type == Integer.class ? "int (" + Integer.MIN_VALUE + " - " + Integer.MAX_VALUE + ")"
                        : "long (" + Long.MIN_VALUE + " - " + Long.MAX_VALUE + ")"));
            }
        } else if (scalar.kind() == YamlScalar.Kind.TEXT) {
            String text = scalar.text().trim();
            if (text.isEmpty() || text.equals("null")) {
                return null;
            }
            try {
                number = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                throw new Problem(path, node, expected);
            }
            if (!fits(number, type)) {
                throw new Problem(path, node, expected);
            }
        } else {
            throw new Problem(path, node, expected);
        }
        return type == Integer.class ? (Object) number.intValue() : (Object) number.longValue();
    }

    private static boolean fits(BigInteger number, Class<?> type) {
        return number.bitLength() < (type == Integer.class ? 32 : 64);
    }

    private static Boolean truth(Node node, String path) throws Problem {
        String expected = "expected true or false";
        if (!(node instanceof ScalarNode scalarNode)) {
            throw new Problem(path, node, expected);
        }
        YamlScalar scalar = YamlScalar.of(scalarNode);
        switch (scalar.kind()) {
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case WHOLE:
                return scalar.number().signum() != 0;
            case TEXT:
                String text = scalar.text().trim();
                if (text.isEmpty() || text.equals("null")) {
                    return null;
                }
                if (text.equals("true") || text.equals("True") || text.equals("TRUE")) {
                    return Boolean.TRUE;
                }
                if (text.equals("false") || text.equals("False") || text.equals("FALSE")) {
                    return Boolean.FALSE;
                }
                throw new Problem(path, node, expected);
            default:
                throw new Problem(path, node, expected);
        }
    }

    private List<Object> list(Node node, Type element, String path) throws Problem {
        if (!(node instanceof SequenceNode sequence)) {
            throw new Problem(path, node, "expected a list");
        }
        List<Object> values = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            values.add(bind(items.get(i), element, path + "[" + i + "]"));
        }
        return values;
    }

    private Map<String, Object> map(Node node, Type value, String path) throws Problem {
        if (!(node instanceof MappingNode mapping)) {
            throw new Problem(path, node, "expected a map of keys");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple, path, values.keySet());
            values.put(key, bind(tuple.getValueNode(), value, child(path, key)));
        }
        return values;
    }

    private static Object value(Node node, Class<?> raw, ValueType type, String path) throws Problem {
        String expected = type.description() == null ? "expected a single value" : "expected " + type.description();
        if (!(node instanceof ScalarNode scalarNode)) {
            throw new Problem(path, node, expected);
        }
        YamlScalar scalar = YamlScalar.of(scalarNode);
        try {
            if (type.description() == null || scalar.kind() == YamlScalar.Kind.TEXT) {
                return fromText(raw, scalar.text());
            }
            if (scalar.kind() == YamlScalar.Kind.WHOLE && type.wholeNumbers()) {
                if (scalar.number().bitLength() >= 64) {
                    throw new Problem(path, node, expected);
                }
                return fromWholeNumber(raw, scalar.number().longValue());
            }
        } catch (IllegalArgumentException e) {
            throw new Problem(path, node, e.getMessage());
        }
        throw new Problem(path, node, expected);
    }

    private Object typed(Node node, String typeKey, Map<String, ? extends Class<?>> kinds, String path)
            throws Problem {
        String id = null;
        Node value = node;
        if (node instanceof SequenceNode sequence) {
            // [kind, {keys}]: the kind first, then its keys, as a type name can also be given
            List<Node> items = sequence.getValue();
            if (items.isEmpty() || !(items.get(0) instanceof ScalarNode first)) {
                throw new Problem(path, node, "expected a map of keys");
            }
            id = first.getValue();
            value = items.size() > 1 ? items.get(1) : node;
            typeKey = null;
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(typeKey)
                        && tuple.getValueNode() instanceof ScalarNode scalar
                        && YamlScalar.of(scalar).kind() != YamlScalar.Kind.NULL) {
                    id = scalar.getValue();
                    break;
                }
            }
        }
        if (id == null) {
            throw new Problem(path, node, missingType(typeKey == null ? "kind" : typeKey));
        }
        Class<?> kind = kinds.get(id);
        if (kind == null) {
            throw new Problem(path, node, kinds == RESTORE_KINDS ? RestoreKindNames.describeProblem(id)
                    : "unknown target type '" + id + "'");
        }
        return record(value, kind, path, typeKey);
    }

    private static String missingType(String typeKey) {
        return typeKey.equals("type") ? "missing key 'type' (the kind of target, such as local)"
                : RestoreKindNames.describeProblem(null);
    }

    private Object record(Node node, Class<?> type, String path, String typeKey) throws Problem {
        if (!(node instanceof MappingNode mapping)) {
            throw new Problem(path, node, "expected a map of keys");
        }
        RecordShape shape = shapes.computeIfAbsent(type, PlanBinder::shape);
        Object[] arguments = new Object[shape.components().length];
        Set<String> seen = new HashSet<>();
        Problem unknown = null;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple, path, seen);
            seen.add(key);
            if (key.equals(typeKey)) {
                continue;
            }
            Integer index = shape.indexByKey().get(key);
            if (index == null) {
                if (unknown == null) {
                    unknown = new Problem(child(path, key), tuple.getKeyNode(), "unknown key '" + key + "'"
                            + (shape.indexByKey().isEmpty() ? "" : "; known keys here: "
                            + String.join(", ", new TreeSet<>(shape.indexByKey().keySet()))));
                }
                continue;
            }
            RecordComponent component = shape.components()[index];
            arguments[index] = bind(tuple.getValueNode(), component.getGenericType(), child(path, key));
        }
        // An unknown key is reported once the keys that are known have been read, so a wrong value of a known key
        // is named first.
        Object bound = construct(shape, arguments, path, node);
        if (unknown != null) {
            throw unknown;
        }
        return bound;
    }

    private static Object construct(RecordShape shape, Object[] arguments, String path, Node node) throws Problem {
        try {
            try {
                return shape.constructor().newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + shape.constructor().getName(), e);
            }
        } catch (IllegalArgumentException e) {
            throw new Problem(path, node, e.getMessage());
        }
    }

    private static String key(NodeTuple tuple, String path, Set<String> seen) throws Problem {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw new Problem(path, tuple.getKeyNode(), "Expected a field name (Scalar value in YAML), got this "
                    + "instead: a " + (tuple.getKeyNode() instanceof SequenceNode ? "list" : "map"));
        }
        if (seen.contains(key.getValue())) {
            throw new Problem("", key, "Duplicate field '" + key.getValue() + "'");
        }
        return key.getValue();
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static RecordShape shape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Integer> indexByKey = new HashMap<>();
        Map<String, String> renamed = RENAMED.getOrDefault(type, Map.of());
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            indexByKey.put(renamed.getOrDefault(components[i].getName(), components[i].getName()), i);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new RecordShape(components, indexByKey, constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " is not a record", e);
        }
    }

    /** Plain Java values for a node: text, numbers, true/false, lists and maps, as a free-form value is read. */
    private static Object natural(Node node) {
        if (node instanceof ScalarNode scalarNode) {
            YamlScalar scalar = YamlScalar.of(scalarNode);
            return switch (scalar.kind()) {
                case NULL -> null;
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case WHOLE -> scalar.number().bitLength() < 32 ? (Object) scalar.number().intValue()
                        : scalar.number().bitLength() < 64 ? (Object) scalar.number().longValue() : scalar.number();
                case DECIMAL -> Double.valueOf(scalar.text().replace("_", ""));
                case TEXT -> scalar.text();
            };
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                values.add(natural(item));
            }
            return values;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            values.put(((ScalarNode) tuple.getKeyNode()).getValue(), natural(tuple.getValueNode()));
        }
        return values;
    }

    /** @param wholeNumbers whether a whole number is read as well as text (a size in bytes) */
    private record ValueType(boolean wholeNumbers, String description) {
    }

    private record RecordShape(RecordComponent[] components, Map<String, Integer> indexByKey,
            Constructor<?> constructor) {
    }

    /** A value that cannot be bound: the key path, the node where it stands and what is wrong. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        private final String key;
        private final transient Node node;

        Problem(String key, Node node, String message) {
            super(message, null, false, false);
            this.key = key;
            this.node = node;
        }

        String key() {
            return key;
        }

        Node node() {
            return node;
        }
    }
}
