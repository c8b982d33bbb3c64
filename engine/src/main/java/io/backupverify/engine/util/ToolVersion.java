package io.backupverify.engine.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's version, as the build recorded it. */
public final class ToolVersion {
    public static final String NAME = "backup-verify";
    private static final String VERSION = load();

    private ToolVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/io/backupverify/engine/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
