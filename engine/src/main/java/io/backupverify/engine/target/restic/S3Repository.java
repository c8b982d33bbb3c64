package io.backupverify.engine.target.restic;

import io.backupverify.engine.plan.S3TargetSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a restic repository in S3 lies, read from its {@code s3:} location as restic reads it:
 * {@code s3:https://HOST[:PORT]/BUCKET[/PREFIX]}, {@code s3:http://...}, or {@code s3:HOST[:PORT]/BUCKET[/PREFIX]}
 * (HTTPS). Amazon's own hosts ({@code s3.amazonaws.com}, {@code s3.REGION.amazonaws.com}) are reached through the
 * SDK's endpoint for the region; any other host path-style at its own endpoint.
 *
 * @param endpoint the store's endpoint, or null for Amazon S3
 * @param region   the region the host names, else {@code AWS_DEFAULT_REGION} (restic's variable), else null
 */
public record S3Repository(String endpoint, String bucket, String prefix, String region) {
    private static final Pattern AMAZON = Pattern.compile("s3[.-]([a-z0-9-]+)\\.amazonaws\\.com");

    /** The repository's place when its location is an {@code s3:} one restic accepts, else empty. */
    public static Optional<S3Repository> of(String repository) {
        String written = repository.strip();
        if (!written.startsWith("s3:")) {
            return Optional.empty();
        }
        String rest = written.substring("s3:".length());
        String scheme = "https";
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            scheme = lower.substring(0, lower.indexOf(':'));
            rest = rest.substring(rest.indexOf("://") + 3);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String host = rest.substring(0, slash);
        String path = rest.substring(slash + 1).replaceAll("/+$", "");
        int cut = path.indexOf('/');
        String bucket = cut < 0 ? path : path.substring(0, cut);
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        String prefix = cut < 0 ? "" : path.substring(cut + 1);
        String hostName = (host.contains(":") ? host.substring(0, host.indexOf(':')) : host).toLowerCase(Locale.ROOT);
        String region = System.getenv("AWS_DEFAULT_REGION");
        if (hostName.equals("s3.amazonaws.com")) {
            return Optional.of(new S3Repository(null, bucket, prefix, region));
        }
        Matcher amazon = AMAZON.matcher(hostName);
        if (amazon.matches()) {
            return Optional.of(new S3Repository(null, bucket, prefix, amazon.group(1)));
        }
        return Optional.of(new S3Repository(scheme + "://" + host, bucket, prefix, region));
    }

    /** The repository's objects as an S3 target. */
    S3TargetSpec spec(String credentialsId) {
        return new S3TargetSpec(bucket, prefix, region, endpoint, endpoint != null, credentialsId);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix + (endpoint == null ? "" : " at " + endpoint);
    }
}
