package io.backupverify.engine.audit.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * The ECharts library from the org.webjars:echarts jar on the class path, to be inlined into HTML reports so that
 * they draw their charts without any network access. Read once.
 */
public final class EchartsScript {
    private static final String PROPERTIES = "META-INF/maven/org.webjars/echarts/pom.properties";
    private static volatile Optional<String> script;

    private EchartsScript() {
    }

    /** The minified script, or empty when the webjar is not on the class path. */
    public static Optional<String> text() {
        Optional<String> known = script;
        if (known == null) {
            known = load();
            script = known;
        }
        return known;
    }

    private static Optional<String> load() {
        ClassLoader loader = EchartsScript.class.getClassLoader();
        try (InputStream properties = loader.getResourceAsStream(PROPERTIES)) {
            if (properties == null) {
                return Optional.empty();
            }
            Properties pom = new Properties();
            pom.load(properties);
            String path = "META-INF/resources/webjars/echarts/" + pom.getProperty("version") + "/echarts.min.js";
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    return Optional.empty();
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // the script is inlined in a <script> element, which the first "</script" would end
                return Optional.of(text.replace("</script", "<\\/script"));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
