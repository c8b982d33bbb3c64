package io.backupverify.engine.target.s3;

import io.backupverify.engine.target.ObjectLocks;
import io.backupverify.engine.target.Transport;
import io.backupverify.engine.target.UnansweredException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * What an S3 bucket says of its security: how it is reached, how it encrypts, whether it is open to the public,
 * whether it locks objects. An answer the store does not give (501, 403) is an {@link UnansweredException}; a
 * documented "not configured" answer (404 with the matching error code) is a real "no".
 */
final class S3Posture {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private static final int TLS_PROBE_TIMEOUT_MS = 5000;

    private final Supplier<S3Client> client;
    private final String bucket;
    private final URI endpoint;
    private final Function<String, String> keyOf;
    private final S3Errors errors;

    /**
     * @param endpoint the store's URL, or null for AWS itself (always HTTPS)
     * @param keyOf    the object key of a target path
     */
    S3Posture(Supplier<S3Client> client, String bucket, URI endpoint, Function<String, String> keyOf, S3Errors errors) {
        this.client = client;
        this.bucket = bucket;
        this.endpoint = endpoint;
        this.keyOf = keyOf;
        this.errors = errors;
    }

    Transport transport() {
        if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme())) {
            return new Transport("http", false, "plain HTTP to " + endpoint.getHost() + ":" + port(endpoint, 80));
        }
        String host = endpoint == null ? "s3.amazonaws.com" : endpoint.getHost();
        int port = endpoint == null ? 443 : port(endpoint, 443);
        return new Transport("https", true, tlsProtocol(host, port));
    }

    /** The TLS version the endpoint agrees to, for the report; the scheme alone decides the verdict. */
    private static String tlsProtocol(String host, int port) {
        try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), TLS_PROBE_TIMEOUT_MS);
            socket.setSoTimeout(TLS_PROBE_TIMEOUT_MS);
            socket.startHandshake();
            return socket.getSession().getProtocol() + " to " + host + ":" + port;
        } catch (IOException | RuntimeException e) {
            return "TLS to " + host + ":" + port + " (protocol version not probed: " + e.getClass().getSimpleName()
                    + ")";
        }
    }

    private static int port(URI uri, int fallback) {
        return uri.getPort() < 0 ? fallback : uri.getPort();
    }

    Optional<String> objectEncryption(String path) throws IOException {
        HeadObjectResponse head = ask("the encryption of " + path,
                () -> client.get().headObject(r -> r.bucket(bucket).key(keyOf.apply(path))), null);
        if (head.sseCustomerAlgorithm() != null) {
            return Optional.of("SSE-C");
        }
        if (head.serverSideEncryption() == null) {
            return Optional.empty();
        }
        return Optional.of(switch (head.serverSideEncryptionAsString()) {
            case "AES256" -> "SSE-S3";
            case "aws:kms" -> "SSE-KMS";
            case "aws:kms:dsse" -> "DSSE-KMS";
            default -> "SSE (" + head.serverSideEncryptionAsString() + ")";
        });
    }

    Optional<String> defaultEncryption() throws IOException {
        List<ServerSideEncryptionRule> rules = ask("the bucket's default encryption",
                () -> client.get().getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration()
                        .rules(),
                "ServerSideEncryptionConfigurationNotFoundError");
        if (rules == null || rules.isEmpty()) {
            return Optional.empty();
        }
        var byDefault = rules.get(0).applyServerSideEncryptionByDefault();
        if (byDefault == null) {
            return Optional.empty();
        }
        return Optional.of(byDefault.sseAlgorithmAsString()
                + (byDefault.kmsMasterKeyID() == null ? "" : " with KMS key " + byDefault.kmsMasterKeyID()));
    }

    List<String> publicGrants() throws IOException {
        PublicAccessBlockConfiguration block = publicAccessBlock();
        boolean policiesIgnored = block != null && Boolean.TRUE.equals(block.restrictPublicBuckets());
        List<String> grants = new ArrayList<>();
        if (!policiesIgnored) {
            Boolean isPublic = ask("the bucket policy's status",
                    () -> client.get().getBucketPolicyStatus(r -> r.bucket(bucket)).policyStatus().isPublic(),
                    "NoSuchBucketPolicy");
            if (Boolean.TRUE.equals(isPublic)) {
                grants.add("the bucket policy makes the bucket public (and the public access block does not "
                        + "restrict it)");
            }
        }
        if (!aclsIgnored(block)) {
            GetBucketAclResponse acl = ask("the bucket's ACL", () -> client.get().getBucketAcl(r -> r.bucket(bucket)),
                    null);
            grants.addAll(publicGrants("the bucket ACL", acl.grants()));
        }
        return grants;
    }

    /**
     * Whether objects' own ACLs count: not when the public access block ignores public ACLs, nor when the bucket's
     * object ownership is {@code BucketOwnerEnforced} (ACLs disabled). A store that will not say how it treats
     * ACLs has them read.
     */
    boolean objectAclsApply() throws IOException {
        if (aclsIgnored(publicAccessBlock())) {
            return false;
        }
        List<OwnershipControlsRule> rules;
        try {
            rules = ask("the bucket's object ownership", () -> client.get().getBucketOwnershipControls(
                    r -> r.bucket(bucket)).ownershipControls().rules(), "OwnershipControlsNotFoundError");
        } catch (UnansweredException e) {
            return true;
        }
        return rules == null || rules.stream().noneMatch(rule -> rule.objectOwnership()
                == ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }

    /** The public grants in one object's own ACL ({@code aws s3 cp --acl public-read}, {@code s3cmd put -P}). */
    List<String> objectGrants(String path) throws IOException {
        GetObjectAclResponse acl = ask("the ACL of " + path,
                () -> client.get().getObjectAcl(r -> r.bucket(bucket).key(keyOf.apply(path))), null);
        return publicGrants("its object ACL", acl.grants());
    }

    private PublicAccessBlockConfiguration publicAccessBlock() throws IOException {
        return ask("the bucket's public access block",
                () -> client.get().getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration(),
                "NoSuchPublicAccessBlockConfiguration");
    }

    private static boolean aclsIgnored(PublicAccessBlockConfiguration block) {
        return block != null && Boolean.TRUE.equals(block.ignorePublicAcls());
    }

    private static List<String> publicGrants(String where, List<Grant> grants) {
        List<String> named = new ArrayList<>();
        for (Grant grant : grants) {
            if (grant.grantee() != null && grant.grantee().type() == Type.GROUP) {
                String uri = grant.grantee().uri();
                if (ALL_USERS.equals(uri) || AUTHENTICATED_USERS.equals(uri)) {
                    named.add(where + " grants " + grant.permissionAsString() + " to "
                            + (ALL_USERS.equals(uri) ? "AllUsers (anyone)" : "AuthenticatedUsers (any AWS account)"));
                }
            }
        }
        return named;
    }

    /**
     * Whether the bucket may keep earlier versions: versioning enabled, or suspended after it was (the versions made
     * meanwhile stay). A store that does not implement versioning (HTTP 501) keeps none.
     */
    boolean keepsVersions() throws IOException {
        try {
            String status = client.get().getBucketVersioning(r -> r.bucket(bucket)).statusAsString();
            return status != null && !status.isEmpty();
        } catch (SdkServiceException e) {
            if (e.statusCode() == 501) {
                return false;
            }
            if (e.statusCode() == 403 || e.statusCode() == 405) {
                throw new UnansweredException("the store cannot tell whether it keeps earlier versions of deleted "
                        + "or overwritten backups: " + errors.describe(e));
            }
            throw errors.toIo("cannot read the bucket's versioning", e);
        } catch (SdkException e) {
            throw errors.toIo("cannot read the bucket's versioning", e);
        }
    }

    Optional<ObjectLocks.Lock> defaultLock() throws IOException {
        ObjectLockConfiguration config = ask("the bucket's Object Lock configuration",
                () -> client.get().getObjectLockConfiguration(r -> r.bucket(bucket)).objectLockConfiguration(),
                "ObjectLockConfigurationNotFoundError");
        if (config == null || config.objectLockEnabled() == null
                || !"Enabled".equals(config.objectLockEnabledAsString())) {
            return Optional.empty();
        }
        DefaultRetention retention = config.rule() == null ? null : config.rule().defaultRetention();
        if (retention == null) {
            return Optional.of(new ObjectLocks.Lock("Object Lock enabled, no default retention", false));
        }
        String period = retention.days() != null ? retention.days() + " days" : retention.years() + " years";
        return Optional.of(new ObjectLocks.Lock(retention.modeAsString() + " for " + period,
                !"COMPLIANCE".equals(retention.modeAsString())));
    }

    /**
     * The object's retention and legal hold. Only COMPLIANCE mode binds everyone, the account's root user too;
     * GOVERNANCE (and a mode the store does not name) can be lifted by anyone allowed
     * {@code s3:BypassGovernanceRetention}, and a legal hold cleared by anyone allowed {@code s3:PutObjectLegalHold}.
     */
    List<ObjectLocks.ObjectLock> locksOf(String path) throws IOException {
        String key = keyOf.apply(path);
        List<ObjectLocks.ObjectLock> locks = new ArrayList<>();
        var retention = ask("the retention of " + path,
                () -> client.get().getObjectRetention(r -> r.bucket(bucket).key(key)).retention(),
                "NoSuchObjectLockConfiguration");
        if (retention != null && retention.retainUntilDate() != null) {
            String mode = retention.modeAsString() == null ? "no mode given" : retention.modeAsString();
            locks.add(new ObjectLocks.ObjectLock(retention.retainUntilDate(), mode, !"COMPLIANCE".equals(mode)));
        }
        try {
            var hold = ask("the legal hold of " + path, () -> {
                try {
                    return client.get().getObjectLegalHold(r -> r.bucket(bucket).key(key)).legalHold();
                } catch (SdkServiceException e) {
                    if (e.statusCode() == 501) {
                        return null; // a store without legal holds holds nothing by one
                    }
                    throw e;
                }
            }, "NoSuchObjectLockConfiguration");
            if (hold != null && "ON".equalsIgnoreCase(hold.statusAsString())) {
                locks.add(ObjectLocks.ObjectLock.legalHold("legal hold"));
            }
        } catch (UnansweredException e) {
            // refused: that matters only where the retention does not suffice by itself
            locks.add(ObjectLocks.ObjectLock.unreadable(e.getMessage()));
        }
        return locks;
    }

    /**
     * Asks the store. A 404 whose error code is {@code notConfigured} means "not configured" and gives null; a 501
     * or 403 means the store cannot or will not answer.
     */
    private <T> T ask(String what, Supplier<T> call, String notConfigured) throws IOException {
        try {
            return call.get();
        } catch (SdkServiceException e) {
            String code = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                    && aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorCode() : null;
            if (notConfigured != null && e.statusCode() == 404 && notConfigured.equals(code)) {
                return null;
            }
            if (e.statusCode() == 501 || e.statusCode() == 403 || e.statusCode() == 405) {
                throw new UnansweredException("the store cannot tell " + what + ": " + errors.describe(e));
            }
            throw errors.toIo("cannot read " + what, e);
        } catch (SdkException e) {
            throw errors.toIo("cannot read " + what, e);
        }
    }
}
