package io.backupverify.cli;

import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.AzureSas;
import io.backupverify.engine.credentials.AzureSharedKey;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.SecretFile;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.SshPrivateKey;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The command line's credentials file ({@code --credentials FILE} or {@code BACKUP_VERIFY_CREDENTIALS}): a YAML map
 * from credentials id to credentials of one kind, whose values are written out, or taken from an environment
 * variable ({@code { env: NAME }}) or a file ({@code { file: PATH }}). docs/credentials.md describes it.
 *
 * <p>Like ssh with a private key, it refuses a file that group or others can read. Messages name the file, the line
 * and the key, and never contain a value from the file: a value might be a secret.
 */
final class CredentialsFile {
    /** The kinds and, for each, its keys: required ones first, then optional ones marked with {@code ?}. */
    private static final Map<String, List<String>> KINDS = kinds();

    private final Path file;
    private final UnaryOperator<String> environment;

    private CredentialsFile(Path file, UnaryOperator<String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** Reads the file, taking {@code { env: NAME }} values from the process environment. */
    static Map<String, CredentialValue> load(Path file) throws UsageException {
        return load(file, System::getenv);
    }

    static Map<String, CredentialValue> load(Path file, UnaryOperator<String> environment) throws UsageException {
        return new CredentialsFile(file, environment).read();
    }

    private Map<String, CredentialValue> read() throws UsageException {
        String text = readFile();
        Node root;
        try {
            // What Yaml.compose does, without building the Yaml facade's constructor and representer (its class set-up
            // costs a command with --credentials about 20 ms on the main thread).
            LoaderOptions options = new LoaderOptions();
            ParserImpl parser = new ParserImpl(new StreamReader(text), options);
            root = new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            // Only the problem and its place: the parser's context line could show a secret.
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw problem(line, "", "YAML syntax: " + (e.getProblem() == null ? "not valid YAML" : e.getProblem()));
        } catch (YAMLException e) {
            throw problem(0, "", "not valid YAML");
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode map)) {
            throw problem(line(root), "", "expected a map from credentials id to credentials");
        }
        Map<String, CredentialValue> credentials = new LinkedHashMap<>();
        for (NodeTuple entry : map.getValue()) {
            String id = keyName(entry.getKeyNode(), "");
            if (id.isBlank()) {
                throw problem(line(entry.getKeyNode()), "", "an empty credentials id");
            }
            if (!(entry.getValueNode() instanceof MappingNode fields)) {
                throw problem(line(entry.getValueNode()), id, "expected a map with a kind, such as { kind: aws, ... }");
            }
            if (credentials.containsKey(id.trim())) {
                throw problem(line(entry.getKeyNode()), id, "the id '" + id.trim() + "' is given twice");
            }
            credentials.put(id.trim(), credential(id, fields));
        }
        return credentials;
    }

    private String readFile() throws UsageException {
        String name = file.toString();
        try {
            refuseOpenPermissions();
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("credentials file " + name + ": no such file");
        } catch (MalformedInputException e) {
            throw new UsageException("credentials file " + name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("credentials file " + name + ": cannot read it (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private void refuseOpenPermissions() throws IOException, UsageException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UsageException("credentials file " + file + " can be read or written by group or others ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                    + "); it holds secrets, so make it private: chmod 600 " + file);
        }
    }

    private CredentialValue credential(String id, MappingNode node) throws UsageException {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = keyName(tuple.getKeyNode(), id);
            if (fields.put(key, tuple.getValueNode()) != null) {
                throw problem(line(tuple.getKeyNode()), id + "." + key, "the key '" + key + "' is given twice");
            }
        }
        Node kindNode = fields.remove("kind");
        if (kindNode == null) {
            throw problem(line(node), id, "missing key 'kind'; one of " + String.join(", ", KINDS.keySet()));
        }
        String kind = kindNode instanceof ScalarNode scalar ? scalar.getValue() : "";
        List<String> keys = KINDS.get(kind);
        if (keys == null) {
            throw problem(line(kindNode), id + ".kind", "unknown kind '" + kind + "'; use one of "
                    + String.join(", ", KINDS.keySet()));
        }
        for (Map.Entry<String, Node> field : fields.entrySet()) {
            if (!keys.contains(field.getKey()) && !keys.contains(field.getKey() + "?")) {
                throw problem(line(field.getValue()), id + "." + field.getKey(), "unknown key '" + field.getKey()
                        + "' for kind " + kind + "; known keys: kind, "
                        + String.join(", ", keys.stream().map(key -> key.replace("?", "")).toList()));
            }
        }
        Values values = new Values(id, fields, node);
        return switch (kind) {
            case "aws" -> new AwsKeys(values.text("accessKeyId"), values.secret("secretAccessKey"),
                    values.optionalSecret("sessionToken"));
            case "ssh-key" -> new SshPrivateKey(values.text("username"), values.privateKey(),
                    values.optionalSecret("passphrase"));
            case "secret-text" -> new SecretText(values.secret("secret"));
            case "secret-file" -> values.secretFile();
            case "username-password" -> new UsernamePassword(values.text("username"), values.secret("password"));
            case "azure-key" -> new AzureSharedKey(values.text("account"), values.secret("key"));
            case "azure-sas" -> new AzureSas(values.optionalText("account"), values.secret("token"));
            default -> throw new IllegalStateException(kind);
        };
    }

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("aws", List.of("accessKeyId", "secretAccessKey", "sessionToken?"));
        kinds.put("ssh-key", List.of("username", "privateKey?", "privateKeyFile?", "passphrase?"));
        kinds.put("username-password", List.of("username", "password"));
        kinds.put("secret-text", List.of("secret"));
        kinds.put("secret-file", List.of("file"));
        kinds.put("azure-key", List.of("account", "key"));
        kinds.put("azure-sas", List.of("account?", "token"));
        return kinds;
    }

    /** The values of one credentials entry, each literal, from the environment or from a file. */
    private final class Values {
        private final String id;
        private final Map<String, Node> fields;
        private final Node entry;

        Values(String id, Map<String, Node> fields, Node entry) {
            this.id = id;
            this.fields = fields;
            this.entry = entry;
        }

        String text(String key) throws UsageException {
            return new String(required(key), StandardCharsets.UTF_8);
        }

        String optionalText(String key) throws UsageException {
            return fields.containsKey(key) ? text(key) : "";
        }

        SecretValue secret(String key) throws UsageException {
            return SecretValue.ofBytes(required(key));
        }

        SecretValue optionalSecret(String key) throws UsageException {
            return fields.containsKey(key) ? secret(key) : SecretValue.of("");
        }

        SecretValue privateKey() throws UsageException {
            boolean inline = fields.containsKey("privateKey");
            boolean fromFile = fields.containsKey("privateKeyFile");
            if (inline == fromFile) {
                throw problem(line(entry), id, "an ssh-key needs exactly one of privateKey (the key's text) and "
                        + "privateKeyFile (the path of the key file)");
            }
            if (inline) {
                return secret("privateKey");
            }
            Path keyFile = path("privateKeyFile", text("privateKeyFile"));
            return SecretValue.ofBytes(readBytes("privateKeyFile", keyFile, false));
        }

        SecretFile secretFile() throws UsageException {
            Path path = path("file", text("file"));
            Path name = path.getFileName();
            return new SecretFile(name == null ? path.toString() : name.toString(),
                    SecretValue.ofBytes(readBytes("file", path, false)));
        }

        private byte[] required(String key) throws UsageException {
            Node node = fields.get(key);
            if (node == null) {
                throw problem(line(entry), id, "missing key '" + key + "'");
            }
            byte[] value = value(key, node);
            if (value.length == 0) {
                throw problem(line(node), id + "." + key, "the value is empty");
            }
            return value;
        }

        private byte[] value(String key, Node node) throws UsageException {
            String at = id + "." + key;
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue().getBytes(StandardCharsets.UTF_8);
            }
            if (!(node instanceof MappingNode map) || map.getValue().size() != 1
                    || !(map.getValue().get(0).getValueNode() instanceof ScalarNode source)) {
                throw problem(line(node), at, "expected a value, { env: NAME } or { file: PATH }");
            }
            String how = keyName(map.getValue().get(0).getKeyNode(), at);
            String name = source.getValue();
            if (how.equals("env")) {
                String value = environment.apply(name);
                if (value == null) {
                    throw problem(line(node), at, "the environment variable " + name + " is not set");
                }
                return value.getBytes(StandardCharsets.UTF_8);
            }
            if (how.equals("file")) {
                return readBytes(key, path(key, name), true);
            }
            throw problem(line(node), at, "unknown value source '" + how + "'; use { env: NAME } or { file: PATH }");
        }

        private Path path(String key, String written) throws UsageException {
            try {
                String expanded = written.equals("~") || written.startsWith("~/")
                        ? System.getProperty("user.home") + written.substring(1) : written;
                Path path = Path.of(expanded);
                Path folder = file.toAbsolutePath().getParent();
                return path.isAbsolute() || folder == null ? path : folder.resolve(path);
            } catch (InvalidPathException e) {
                throw problem(line(fields.get(key)), id + "." + key, "not a valid path");
            }
        }

        /** A file's bytes; a value file loses one trailing line break, as files written by echo have one. */
        private byte[] readBytes(String key, Path path, boolean trimLineBreak) throws UsageException {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw problem(line(fields.get(key)), id + "." + key, "no such file " + path);
            } catch (IOException e) {
                throw problem(line(fields.get(key)), id + "." + key, "cannot read " + path + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            int end = bytes.length;
            if (trimLineBreak && end > 0 && bytes[end - 1] == '\n') {
                end--;
                if (end > 0 && bytes[end - 1] == '\r') {
                    end--;
                }
            }
            return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
        }
    }

    private String keyName(Node key, String at) throws UsageException {
        if (key instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw problem(line(key), at, "expected a plain key");
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private UsageException problem(int line, String key, String message) {
        StringBuilder text = new StringBuilder("credentials file ").append(file);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (!key.isEmpty()) {
            text.append(", '").append(key).append("'");
        }
        return new UsageException(text.append(": ").append(message).toString());
    }
}
