package io.jenkins.plugins.backupverify.agent;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.backupverify.credentials.TransferredCredential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jenkins.security.ClassFilterImpl;
import org.junit.jupiter.api.Test;

/**
 * What crosses the agent channel, checked against the class filter's rules. An agent test in the reactor cannot prove
 * this: the filter accepts every class loaded from {@code target/classes}, so an engine type would pass there and be
 * rejected in a real installation, where the engine is a library jar inside the plugin. So every class in the
 * serialized form of the callables and their results must be the plugin's own, an enum, an array, or on core's list
 * of JDK classes that may cross.
 */
class ChannelTypesTest {
    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.backupverify.";

    @Test
    void theCallablesAndTheirResultsHoldOnlyPluginAndListedJdkTypes() throws Exception {
        AgentPlan plan = new AgentPlan("backupSets: []", "plan.yaml", "ops");
        List<Object> crossing = List.of(
                new VerifyOnAgent(plan, List.of("orders-db"), 7, Map.of(
                        "login", TransferredCredential.usernamePassword("backup", "pw"),
                        "key", TransferredCredential.sshKey("restic", "key", "phrase"),
                        "file", TransferredCredential.secretFile("aws.ini", new byte[] {1, 2}),
                        "aws", TransferredCredential.awsKeys("AKIA", "secret", "token"),
                        "gone", TransferredCredential.unusable("credentials 'gone' were not found")), null),
                new RestoreTestOnAgent(plan, List.of("orders-db"), 7, Map.of("orders-db", "orders-2026-11-29"),
                        Map.of("db", TransferredCredential.usernamePassword("restore", "pw")), null),
                AgentOutcome.report("{\"schema\":\"backup-verify/report/v1\"}"),
                AgentOutcome.failed("plan.yaml:3: unknown key"),
                new ReadPlanFile("ops/plan.yaml"),
                new ReadPlanFile.Content("backupSets: []", null),
                new ReadPlanFile.Content(null, "the plan file x is not a regular file"),
                new WriteWorkspaceFile("reports/x.xml", "<testsuites/>"));
        Set<String> allowedJdk = jdkWhitelist();

        for (Object value : crossing) {
            Set<String> classes = classesIn(value);
            List<String> refused = classes.stream()
                    .filter(name -> !name.startsWith(PLUGIN_PACKAGE) && !name.startsWith("[")
                            && !allowedJdk.contains(name) && !isEnum(name))
                    .toList();
            assertThat(value.getClass().getSimpleName() + " carries " + classes, refused, is(empty()));
            assertThat(classes.stream().filter(name -> name.startsWith("io.backupverify.")).toList(), is(empty()));
        }
    }

    private static boolean isEnum(String name) {
        try {
            return Enum.class.isAssignableFrom(Class.forName(name, false, ChannelTypesTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Core's list of JDK classes the class filter lets through. */
    private static Set<String> jdkWhitelist() throws IOException {
        try (InputStream in = ClassFilterImpl.class.getResourceAsStream("whitelisted-classes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(String::trim)
                    .collect(Collectors.toSet());
        }
    }

    /** The class names the value's serialized form names, as the receiving side resolves them. */
    private static Set<String> classesIn(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        Set<String> names = new TreeSet<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                names.add(desc.getName());
                return super.resolveClass(desc);
            }
        }) {
            Object copy = in.readObject();
            assertThat(copy.getClass(), is((Object) value.getClass()));
        }
        return names;
    }

    @Test
    void coresListIsRead() throws Exception {
        assertThat(jdkWhitelist().contains("java.util.ArrayList"), is(true));
    }
}
