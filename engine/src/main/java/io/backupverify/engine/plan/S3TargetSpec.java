package io.backupverify.engine.plan;

/**
 * A bucket (and optionally a prefix inside it) on Amazon S3 or an S3-compatible store (MinIO, Ceph, Wasabi,
 * Backblaze B2, Cloudflare R2, Google Cloud Storage's interoperability endpoint).
 *
 * @param bucket        the bucket's name
 * @param prefix        the folder inside the bucket holding the backups; empty for the whole bucket
 * @param region        the region, such as {@code eu-west-1}; default: the SDK's region chain, else us-east-1
 * @param endpoint      the store's URL for anything but AWS itself, such as {@code https://minio.internal:9000}
 * @param pathStyle     whether to address the bucket in the path ({@code endpoint/bucket/key}) rather than in
 *                      the host name; most S3-compatible stores need it
 * @param credentialsId the credentials (kind aws) to use; without it the SDK's default chain
 */
public record S3TargetSpec(String bucket, String prefix, String region, String endpoint, Boolean pathStyle,
        String credentialsId) implements TargetSpec {
    @Override
    public String type() {
        return "s3";
    }

    /** The prefix as a folder: empty, or ending in exactly one {@code /}. */
    public String folderPrefix() {
        String trimmed = prefix == null ? "" : prefix.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    public boolean usesPathStyle() {
        return Boolean.TRUE.equals(pathStyle);
    }

    /** The endpoint's host for S3-compatible stores, {@code aws} for Amazon S3 itself. */
    @Override
    public String provider() {
        if (endpoint == null || endpoint.isBlank()) {
            return "aws";
        }
        String host = java.net.URI.create(endpoint.strip()).getHost();
        return host == null ? endpoint.strip() : host;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + folderPrefix() + (endpoint == null ? "" : " at " + endpoint);
    }
}
