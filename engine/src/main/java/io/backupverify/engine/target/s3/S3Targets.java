package io.backupverify.engine.target.s3;

import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.plan.S3TargetSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Opens S3 targets: the client, its credentials, region, endpoint and timeouts. */
public final class S3Targets {
    /**
     * Timeouts and retries for a target.
     *
     * @param connectTimeout  how long to wait for a connection
     * @param socketTimeout   how long a read may wait for the next bytes; a stalled server is a timeout, never a hang
     * @param retries         how often a failing read is tried again
     * @param parts           how large objects are split into concurrent ranged reads; null: never
     * @param directReads     whether object reads may skip the SDK's per-request pipeline ({@link DirectGets})
     */
    record Settings(Duration connectTimeout, Duration socketTimeout, RetryPolicy retries,
            PartedObjectStream.Parts parts, boolean directReads) {
        Settings(Duration connectTimeout, Duration socketTimeout, RetryPolicy retries, PartedObjectStream.Parts parts) {
            this(connectTimeout, socketTimeout, retries, parts, true);
        }

        Settings withoutDirectReads() {
            return new Settings(connectTimeout, socketTimeout, retries, parts, false);
        }

        static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(60), RetryPolicy.DEFAULT,
                    PartedObjectStream.Parts.defaults());
        }
    }

    private S3Targets() {
    }

    /**
     * Opens an S3 target with the credentials its credentialsId named (kind aws), or, when it names none, the
     * SDK's default chain: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code AWS_PROFILE}, container
     * and instance roles.
     */
    public static S3Target open(S3TargetSpec spec, Optional<CredentialValue> credentials) throws IOException {
        return open(spec, credentials, Settings.defaults());
    }

    static S3Target open(S3TargetSpec spec, Optional<CredentialValue> credentials, Settings settings)
            throws IOException {
        List<String> secrets = new ArrayList<>();
        AwsCredentialsProvider provider = provider(spec, credentials, secrets);
        S3Errors errors = new S3Errors(secrets);
        Region region = region(spec);
        String description = "s3://" + spec.bucket() + "/" + spec.folderPrefix();
        URI endpoint = null;
        if (spec.endpoint() != null && !spec.endpoint().isBlank()) {
            endpoint = URI.create(spec.endpoint().strip());
            description += " at " + endpoint;
            if ("http".equals(endpoint.getScheme())) {
                description += " (plain HTTP: not encrypted in transit)";
            }
        }
        // The target owns the HTTP client: the SDK's client and the direct object reads share its connections.
        HttpClientInBackground background = new HttpClientInBackground(() -> ApacheHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout())
                .socketFactory(new DeferredTls())
                .maxConnections(64)
                .build(), settings.directReads() ? DirectGets::warmUp : () -> { });
        URI clientEndpoint = endpoint;
        LazyClient client = new LazyClient(() -> sdkClient(spec, provider, region, clientEndpoint, settings)
                .httpClient(background).build());
        try {
            // The direct path's URLs are worked out while the HTTP client is built.
            DirectGets direct = settings.directReads()
                    ? DirectGets.create(background, provider, region, endpoint, spec.usesPathStyle(), spec.bucket())
                            .orElse(null) : null;
            SdkHttpClient http = background.await();
            return new S3Target(client, http, direct, spec.bucket(), spec.folderPrefix(), description, errors,
                    settings.retries(), settings.parts(), endpoint, background.storeClock());
        } catch (SdkException e) {
            background.close();
            throw new IOException(errors.scrub("cannot set up the S3 client: " + errors.describe(e)));
        } catch (RuntimeException e) {
            background.close();
            throw e;
        }
    }

    /**
     * The SDK's client, configured only when it is built ({@link LazyClient}): configuring its builder loads some 70
     * classes, on the main thread before the first listing, which a verification whose requests all go direct never
     * needs.
     */
    private static S3ClientBuilder sdkClient(S3TargetSpec spec, AwsCredentialsProvider provider, Region region,
            URI endpoint, Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .credentialsProvider(provider)
                .region(region)
                .forcePathStyle(spec.usesPathStyle())
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(override -> override
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.retries().attempts()).build()));
        return endpoint == null ? builder : builder.endpointOverride(endpoint);
    }

    private static AwsCredentialsProvider provider(S3TargetSpec spec, Optional<CredentialValue> credentials,
            List<String> secrets) throws IOException {
        if (credentials.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (!(credentials.get() instanceof AwsKeys keys)) {
            throw new IOException("credentials '" + spec.credentialsId() + "' are " + credentials.get().kind()
                    + ", but an s3 target needs AWS credentials (kind aws)");
        }
        String secret = keys.secretAccessKey().reveal();
        secrets.add(secret);
        if (keys.isTemporary()) {
            String token = keys.sessionToken().reveal();
            secrets.add(token);
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(keys.accessKeyId(), secret, token));
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), secret));
    }

    /**
     * The plan's region; else, for a store at its own endpoint, {@code AWS_REGION} (or the {@code aws.region} system
     * property) and never the SDK's whole chain, whose last step asks the EC2 instance metadata service: a
     * connection to 169.254.169.254 at every start, which waits for its time-out where that address is filtered.
     * On AWS itself the whole chain (environment, profile, instance metadata) is what users expect.
     */
    static Region region(S3TargetSpec spec) {
        if (spec.region() != null && !spec.region().isBlank()) {
            return Region.of(spec.region().strip());
        }
        try {
            if (spec.endpoint() != null && !spec.endpoint().isBlank()) {
                return new SystemSettingsRegionProvider().getRegion();
            }
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkException e) {
            return Region.US_EAST_1;
        }
    }
}
