package io.backupverify.engine.target.s3;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Object reads signed with the SDK's SigV4 signer and sent straight through the target's HTTP client, without the
 * SDK's per-request pipeline (interceptors, endpoint rules, marshalling, metrics): that pipeline cost about 2 ms of
 * CPU per GET, mostly interpreted code, as much as hashing a megabyte. Only the expected success is taken from here:
 * 200 for a whole object, 206 for a range. Any other answer, and any failure to send or sign, is dropped and the
 * caller asks again through the SDK ({@link #get} gives empty), so errors, retries and their messages stay the SDK's.
 */
final class DirectGets {
    private static final String USER_AGENT = "backup-verify";
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String signingRegion;
    /** The URL of the bucket, ending in {@code /}: an object's URL is this and its encoded key. */
    private final String base;
    private final AtomicLong served = new AtomicLong();

    /** A response to read: its body, ETag (or null) and Content-Length (or -1). */
    record Response(AbortableInputStream body, String etag, long contentLength) {
    }

    private DirectGets(SdkHttpClient http, AwsCredentialsProvider credentials, String signingRegion, String base) {
        this.http = http;
        this.credentials = credentials;
        this.signingRegion = signingRegion;
        this.base = base;
    }

    /**
     * Direct reads for the client's bucket, when its objects' URLs are plain: the SDK's own URL for a few keys must be
     * the bucket's URL and the key encoded as the SDK encodes paths. Access points, S3 Express and Outposts buckets,
     * global and FIPS pseudo-regions keep the SDK's pipeline (their endpoints and signing differ).
     */
    static Optional<DirectGets> create(S3Client client, SdkHttpClient http, AwsCredentialsProvider credentials,
            Region region, String bucket) {
        if (bucket.contains(":") || bucket.endsWith("--x-s3") || bucket.endsWith("--op-s3") || region.isGlobalRegion()
                || region.id().contains("fips")) {
            return Optional.empty();
        }
        try {
            String probe = "p";
            String url = client.utilities().getUrl(get -> get.bucket(bucket).key(probe)).toExternalForm();
            if (!url.endsWith("/" + probe)) {
                return Optional.empty();
            }
            String base = url.substring(0, url.length() - probe.length());
            for (String key : new String[] {"a b/+c~d*e%f=g&h/\u00e9\u20ac/-x", "dot/./x/../y"}) {
                if (!client.utilities().getUrl(get -> get.bucket(bucket).key(key)).toExternalForm()
                        .equals(base + encode(key))) {
                    return Optional.empty();
                }
            }
            return Optional.of(new DirectGets(http, credentials, region.id(), base));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String encode(String key) {
        return SdkHttpUtils.urlEncodeIgnoreSlashes(key);
    }

    /**
     * GETs an object, or bytes of it ({@code range} as in a Range header, or null), pinned to {@code ifMatch} when
     * that is not null. Empty when the answer is not the success expected: the caller then asks through the SDK.
     */
    Optional<Response> get(String key, String range, String ifMatch) {
        if (key.startsWith("/")) {
            // The SDK's path marshalling treats a leading slash specially: leave such keys to it.
            return Optional.empty();
        }
        AbortableInputStream body = null;
        try {
            SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                    .uri(URI.create(base + encode(key)));
            if (range != null) {
                request.putHeader("Range", range);
            }
            if (ifMatch != null) {
                request.putHeader("If-Match", ifMatch);
            }
            AwsCredentials identity = credentials.resolveCredentials();
            SdkHttpRequest unsigned = request.build();
            SignedRequest signed = signer.sign(sign -> sign.identity(identity).request(unsigned)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
            SdkHttpRequest send = signed.request().toBuilder().putHeader("User-Agent", USER_AGENT).build();
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(send).build())
                    .call();
            body = response.responseBody().orElse(null);
            SdkHttpResponse head = response.httpResponse();
            if (body == null || head.statusCode() != (range == null ? 200 : 206)) {
                drop(body);
                return Optional.empty();
            }
            long length = head.firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(-1L);
            String etag = head.firstMatchingHeader("ETag").orElse(null);
            served.incrementAndGet();
            return Optional.of(new Response(body, etag, length));
        } catch (IOException | RuntimeException e) {
            drop(body);
            return Optional.empty();
        }
    }

    /** Drops a response not taken: its connection is closed rather than drained (it may be a whole object). */
    private static void drop(AbortableInputStream body) {
        if (body != null) {
            body.abort();
            try {
                body.close();
            } catch (IOException | RuntimeException e) {
                // the connection is dropped either way
            }
        }
    }

    /** How many reads were answered here (for tests). */
    long served() {
        return served.get();
    }
}
