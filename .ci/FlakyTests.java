import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Names every test that failed and then passed when Surefire or Failsafe ran it again (rerunFailingTestsCount in the
 * root POM): the {@code flakyFailure} and {@code flakyError} entries of each module's
 * {@code target/surefire-reports} and {@code target/failsafe-reports}. A flake does not fail the build, so this
 * report is how it stays visible. Tests that failed on every try (they fail the build) are named first. Run by
 * .ci/run at its end:
 * {@code java .ci/FlakyTests.java ROOT [SINCE_EPOCH_SECONDS]}; reports older than SINCE are left out.
 */
public final class FlakyTests {
    private static final int MESSAGE_LIMIT = 600;

    private record Flake(String module, String plugin, String test, String kind, String message) { }

    private record Report(List<Flake> flakes, List<Flake> failures) { }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        FileTime since = FileTime.fromMillis(args.length > 1 ? Long.parseLong(args[1]) * 1000 : 0);
        List<Flake> flakes = new ArrayList<>();
        List<Flake> failures = new ArrayList<>();
        int reports = 0;
        for (Path report : reports(root, since)) {
            reports++;
            Report read = read(root, report);
            flakes.addAll(read.flakes());
            failures.addAll(read.failures());
        }
        String rule = "=".repeat(100);
        if (!failures.isEmpty()) {
            System.out.println(rule);
            System.out.println("FAILED TESTS: " + failures.size() + " test(s) failed on every try:");
            print("FAILED", failures);
        }
        if (flakes.isEmpty()) {
            System.out.println("Flaky tests: none (" + reports + " test reports read; a flake is a test that failed, "
                    + "then passed when run again)");
            return;
        }
        System.out.println(rule);
        System.out.println("FLAKY TESTS: " + flakes.size() + " test run(s) failed, then passed when run again."
                + " They do not fail the build, but each is a bug to chase:");
        print("FLAKY", flakes);
        System.out.println(rule);
    }

    private static void print(String label, List<Flake> tests) {
        for (Flake test : tests) {
            System.out.println();
            System.out.println("  " + label + " " + test.test() + "  [" + test.module() + ", " + test.plugin() + "]");
            System.out.println("    " + test.kind() + ": " + test.message().replace("\n", "\n      "));
        }
    }

    private static List<Path> reports(Path root, FileTime since) throws IOException {
        try (Stream<Path> files = Files.find(root, 4, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().startsWith("TEST-")
                && path.getFileName().toString().endsWith(".xml")
                && path.getParent() != null
                && (path.getParent().endsWith("surefire-reports") || path.getParent().endsWith("failsafe-reports"))
                && attributes.lastModifiedTime().compareTo(since) >= 0)) {
            return files.sorted().toList();
        }
    }

    private static Report read(Path root, Path report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        Path reportsDir = report.getParent();
        String plugin = reportsDir.getFileName().toString().replace("-reports", "");
        Path targetDir = reportsDir.getParent();
        String module = targetDir != null && targetDir.getParent() != null
                ? root.relativize(targetDir.getParent()).toString() : "?";
        List<Flake> flakes = new ArrayList<>();
        List<Flake> failures = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String test = testCase.getAttribute("classname") + "." + testCase.getAttribute("name");
            for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element entry) {
                    String kind = entry.getTagName();
                    Flake found = new Flake(module.isEmpty() ? "." : module, plugin, test, kind, describe(entry));
                    if (kind.equals("flakyFailure") || kind.equals("flakyError")) {
                        flakes.add(found);
                    } else if (kind.equals("failure") || kind.equals("error")) {
                        failures.add(found);
                    }
                }
            }
        }
        return new Report(flakes, failures);
    }

    private static String describe(Element entry) {
        String type = entry.getAttribute("type");
        String message = entry.getAttribute("message").strip();
        if (message.isEmpty()) {
            NodeList traces = entry.getElementsByTagName("stackTrace");
            String trace = traces.getLength() > 0 ? traces.item(0).getTextContent().strip() : "";
            message = trace.isEmpty() ? "(no message)" : trace.lines().findFirst().orElse("");
        }
        String text = type.isEmpty() || message.startsWith(type) ? message : type + ": " + message;
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + " ..." : text;
    }
}
