package io.backupverify.engine.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a plan's JDBC URL that the client tools need: {@code jdbc:postgresql://host:port/database?params} or
 * {@code jdbc:mariadb://host:port/database} ({@code jdbc:mysql:} too). One host only; user and password come from
 * credentials, never from the URL.
 */
public record JdbcUrl(String scheme, String host, int port, String database, String query) {
    private static final Pattern FORMAT = Pattern.compile(
            "jdbc:(postgresql|mariadb|mysql)://(\\[[0-9a-fA-F:.]+\\]|[^/:?,@\\[\\]]+)(?::(\\d{1,5}))?(?:/([^?]*))?(?:\\?(.*))?");

    /**
     * Reads a URL; empty when it is not one of the forms above. The message for the plan says why.
     */
    public static Optional<JdbcUrl> parse(String url) {
        Matcher matcher = FORMAT.matcher(url == null ? "" : url.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String scheme = matcher.group(1);
        int port = matcher.group(3) == null ? defaultPort(scheme) : Integer.parseInt(matcher.group(3));
        if (port < 1 || port > 65_535) {
            return Optional.empty();
        }
        String host = matcher.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        String database = matcher.group(4) == null ? "" : matcher.group(4);
        String query = matcher.group(5) == null ? "" : matcher.group(5);
        if (query.matches("(?i)(.*&)?(user|password)=.*")) {
            return Optional.empty();
        }
        return Optional.of(new JdbcUrl(scheme, host, port, database, query));
    }

    /** Why a URL was refused, for the plan error. */
    public static String expectedForm(String scheme) {
        return "a JDBC URL such as jdbc:" + scheme + "://db.example.com:" + defaultPort(scheme) + "/"
                + ("postgresql".equals(scheme) ? "postgres" : "") + " (one host; user and password come from "
                + "credentialsId, not from the URL)";
    }

    static int defaultPort(String scheme) {
        return "postgresql".equals(scheme) ? 5432 : 3306;
    }

    public boolean isPostgres() {
        return "postgresql".equals(scheme);
    }

    /** The same server with another database, in the driver's own scheme. */
    public String withDatabase(String name) {
        String driverScheme = isPostgres() ? "postgresql" : "mariadb";
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:" + driverScheme + "://" + hostPart + ":" + port + "/" + name + (query.isEmpty() ? "" : "?" + query);
    }

    /** The value of a URL parameter such as {@code sslmode}. */
    public Optional<String> parameter(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }
}
