import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks, without the Jenkins repository, that plugin/pom.xml's hpi.bundledArtifacts still names exactly the jars the
 * .hpi would bundle: the plugin's library dependencies (not Jenkins plugins) with everything they pull in, less the
 * exclusions, resolved by Maven against the installed engine. On ci.jenkins.io maven-hpi-plugin enforces the same list
 * (hpi.strictBundledArtifacts); this finds a new engine library that needs an exclusion (and an API plugin) here,
 * before that build does.
 *
 * <p>Usage, from the project root after the engine is installed: {@code java .ci/PluginBundleCheck.java VERSION}.
 */
public final class PluginBundleCheck {
    /** A line of {@code dependency:list}: group:artifact:type[:classifier]:version:scope. */
    private static final Pattern RESOLVED = Pattern.compile(
            "^\\s+([^:\\s]+):([^:\\s]+):([^:\\s]+):(?:[^:\\s]+:)?[^:\\s]+:(compile|runtime)\\b.*");

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java .ci/PluginBundleCheck.java PROJECT_VERSION");
            System.exit(2);
        }
        String version = args[0].replaceAll("\u001B\\[[;\\d]*m", "").trim(); // Maven may colour its output
        Document pom = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new File("plugin/pom.xml"));
        String expected = text(first(pom.getDocumentElement(), "properties"), "hpi.bundledArtifacts");
        List<String> libraries = new ArrayList<>();
        for (Element dependency : children(first(pom.getDocumentElement(), "dependencies"), "dependency")) {
            String groupId = text(dependency, "groupId");
            String scope = text(dependency, "scope");
            boolean bundledScope = scope == null || scope.equals("compile") || scope.equals("runtime");
            boolean jenkins = groupId.startsWith("org.jenkins-ci") || groupId.startsWith("io.jenkins");
            if (bundledScope && !jenkins && !"true".equals(text(dependency, "optional"))) {
                libraries.add(xml(dependency).replace("${project.version}", version));
            }
        }
        Path dir = Files.createTempDirectory("plugin-bundle-check");
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                <groupId>check</groupId><artifactId>plugin-bundle-check</artifactId><version>1</version>
                <dependencies>%s</dependencies></project>
                """.formatted(String.join("\n", libraries)), StandardCharsets.UTF_8);
        Path list = dir.resolve("resolved.txt");
        Process maven = new ProcessBuilder("mvn", "-B", "-ntp", "-q", "-f", dir.resolve("pom.xml").toString(),
                "dependency:list", "-DincludeScope=runtime", "-DoutputFile=" + list).inheritIO().start();
        if (maven.waitFor() != 0) {
            System.err.println("plugin bundle check: Maven could not resolve the plugin's libraries (is the engine "
                    + "installed? mvn -pl engine -am install -DskipTests)");
            System.exit(1);
        }
        TreeSet<String> actual = new TreeSet<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            Matcher matcher = RESOLVED.matcher(line);
            if (matcher.matches()) {
                actual.add(matcher.group(2));
            }
        }
        TreeSet<String> declared = new TreeSet<>(Arrays.asList(expected.trim().split("\\s*,\\s*")));
        if (!actual.equals(declared)) {
            System.err.println("plugin bundle check: plugin/pom.xml declares hpi.bundledArtifacts " + declared
                    + " but the .hpi would bundle " + actual + ". A library the engine gained must come from its "
                    + "Jenkins API plugin (exclude it from the engine dependency and depend on the plugin) or, if no "
                    + "plugin offers it, be added to hpi.bundledArtifacts. See docs/jenkins.md, What the plugin "
                    + "bundles.");
            System.exit(1);
        }
        System.out.println("plugin bundle check: the .hpi bundles " + actual + ", as hpi.bundledArtifacts says");
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent == null ? null : parent.getFirstChild(); child != null;
                child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static String xml(Element element) throws IOException {
        try {
            var transformer = javax.xml.transform.TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            var out = new java.io.StringWriter();
            transformer.transform(new javax.xml.transform.dom.DOMSource(element),
                    new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException(e);
        }
    }
}
